import { Area, loadZiboAreas } from "@civicline/intake";
import { DEMO_PASSWORD, Role, upsertUser, type SeedContext } from "@civicline/platform";
import { buildGovernmentUnits, demoBureaus } from "./demo-data/index.js";
import { seedRoutingCatalogue } from "./routing-catalogue.seed.js";
import { Unit } from "./unit/unit.entity.js";

/** Demo handler accounts: one per unit named here (password as for every demo account). */
export const DEMO_HANDLERS = [
  { username: "handler", displayName: "周老师 (Education Bureau handler)", unitCode: "BUR-EDU" },
  { username: "handler.qingcheng", displayName: "孙主任 (Qingcheng Town handler)", unitCode: "GOV-370322101" },
  { username: "handler.urban", displayName: "赵科长 (Urban Management Bureau handler)", unitCode: "BUR-URBAN" },
  // the two outside parties of joint supervision (三方联动督办): they see the joint cases their unit is party to
  { username: "jiwei", displayName: "王监察 (Discipline commission)", unitCode: "ORG-DISCIPLINE" },
  { username: "bianban", displayName: "刘处长 (Staffing office)", unitCode: "ORG-STAFFING" },
] as const;

/** Bureaus, district governments and township offices; the demo handler accounts; the catalogue. */
export async function seedRoutingDemo(context: SeedContext): Promise<void> {
  const { manager, log } = context;
  const areaIds = new Map((await manager.find(Area)).map((area) => [area.code, area.id]));
  const units = [...demoBureaus, ...buildGovernmentUnits(loadZiboAreas())];
  const unitIds = new Map<string, string>();
  for (const unit of units) {
    const saved = await manager.save(Unit, {
      code: unit.code,
      nameZh: unit.nameZh,
      nameEn: unit.nameEn,
      kind: unit.kind,
      areaId: unit.areaCode ? areaIds.get(unit.areaCode) ?? null : null,
      parentId: unit.parentCode ? unitIds.get(unit.parentCode) ?? null : null,
    });
    unitIds.set(unit.code, saved.id);
  }
  for (const handler of DEMO_HANDLERS) {
    const unitId = unitIds.get(handler.unitCode);
    if (unitId) {
      await upsertUser(manager, { ...handler, password: DEMO_PASSWORD, roles: [Role.HANDLER], unitId });
    }
  }
  log.info({ units: unitIds.size }, "routing demo units seeded");
  await seedRoutingCatalogue(context);
}
