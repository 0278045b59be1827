import { Area, Category, RequestType, Ticket, Urgency, loadZiboAreas } from "@civicline/intake";
import { Role, User, type Actor, type SeedContext } from "@civicline/platform";
import type { EntityManager } from "typeorm";
import { buildDemoRules, demoSlaPolicies, QINGCHENG_AREA_CODE } from "./demo-data/index.js";
import { dispatchInTransaction } from "./dispatch/dispatch-ticket.js";
import { saveDispatchRule } from "./rules/save-dispatch-rule.js";
import { saveSlaPolicy } from "./sla/save-sla-policy.js";
import { Unit } from "./unit/unit.entity.js";

async function demoActor(manager: EntityManager, username: string, role: Role): Promise<Actor> {
  const user = await manager.findOne(User, { where: { username } });
  return user
    ? { kind: "staff", id: user.id, name: user.displayName, roles: user.roles, unitId: null }
    : { kind: "staff", id: "00000000-0000-4000-8000-000000005eed", name: "seed", roles: [role], unitId: null };
}

/** Two demo cases already dispatched, so the demo handlers' inboxes are not empty. */
async function dispatchDemoCases(manager: EntityManager, units: Map<string, string>): Promise<number> {
  const dispatcher = await demoActor(manager, "dispatcher", Role.DISPATCHER);
  const qingcheng = await manager.findOne(Area, { where: { code: QINGCHENG_AREA_CODE } });
  const cases = [
    { categoryCode: "EDU.BULLYING", townshipId: undefined, unitCode: "BUR-EDU", note: "请核实学校处置情况并答复家长。" },
    { categoryCode: "URBAN.SANITATION", townshipId: qingcheng?.id, unitCode: `GOV-${QINGCHENG_AREA_CODE}`, note: null },
  ];
  let dispatched = 0;
  for (const demo of cases) {
    const category = await manager.findOne(Category, { where: { code: demo.categoryCode } });
    const leadUnitId = units.get(demo.unitCode);
    const ticket = category
      ? await manager.findOne(Ticket, { where: { categoryId: category.id, ...(demo.townshipId ? { townshipId: demo.townshipId } : {}) }, order: { receivedAt: "ASC" } })
      : null;
    if (ticket && leadUnitId) {
      await dispatchInTransaction(manager, { actor: dispatcher, request: { ticketId: ticket.id, version: ticket.version, leadUnitId, note: demo.note }, now: new Date() });
      dispatched += 1;
    }
  }
  return dispatched;
}

/** The demo dispatch catalogue and SLA policies (saved as versioned changes by the demo admin), and two dispatched cases. */
export async function seedRoutingCatalogue({ manager, log }: SeedContext): Promise<void> {
  const admin = await demoActor(manager, "admin", Role.ADMIN);
  const units = new Map((await manager.find(Unit)).map((unit) => [unit.code, unit.id]));
  const categories = new Map((await manager.find(Category)).map((category) => [category.code, category.id]));
  const areas = new Map((await manager.find(Area)).map((area) => [area.code, area.id]));
  let rules = 0;
  for (const rule of buildDemoRules(loadZiboAreas())) {
    const leadUnitId = units.get(rule.lead);
    const categoryId = rule.categoryCode ? categories.get(rule.categoryCode) : null;
    const areaId = rule.areaCode ? areas.get(rule.areaCode) : null;
    if (!leadUnitId || categoryId === undefined || areaId === undefined) {
      log.warn({ rule }, "demo dispatch rule skipped: unknown unit, category or area");
      continue;
    }
    await saveDispatchRule(manager, {
      actor: admin,
      request: {
        categoryId,
        areaId,
        requestType: rule.requestType ? (rule.requestType as RequestType) : null,
        keywords: rule.keywords ?? [],
        leadUnitId,
        assistingUnitIds: (rule.assisting ?? []).map((code) => units.get(code)).filter((id): id is string => !!id),
        autoDispatch: rule.autoDispatch ?? false,
      },
    });
    rules += 1;
  }
  for (const policy of demoSlaPolicies) {
    await saveSlaPolicy(manager, {
      actor: admin,
      request: { ...policy, requestType: policy.requestType as RequestType | null, urgency: policy.urgency as Urgency | null },
    });
  }
  const dispatched = await dispatchDemoCases(manager, units);
  log.info({ rules, slaPolicies: demoSlaPolicies.length, dispatched }, "routing demo catalogue seeded");
}
