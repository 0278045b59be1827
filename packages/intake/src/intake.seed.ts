import { User, type Actor, type SeedContext } from "@civicline/platform";
import { EmergencyService } from "./call-screen/call-screen.enums.js";
import { recordEmergencyHandoff } from "./call-screen/emergency.js";
import { logCall } from "./call-screen/log-call.js";
import { Area } from "./catalog/area.entity.js";
import { Category } from "./catalog/category.entity.js";
import { CategoryChange, CategoryVersion } from "./catalog/admin/category-version.entity.js";
import { demoCases, demoCategories, loadZiboAreas, type DemoCase } from "./demo-data/index.js";
import { submitRequest } from "./ticket/submit-request.js";
import { Channel, Privacy, RequestType, Urgency } from "./ticket/ticket.enums.js";

const DAY_MS = 86_400_000;

function privacyOf(demo: DemoCase): Privacy | undefined {
  if (demo.anonymous) {
    return Privacy.ANONYMOUS;
  }
  return demo.confidential ? Privacy.CONFIDENTIAL : undefined;
}

/**
 * Zibo's districts and townships, the category tree with its extra fields and templates, and the
 * cases from the brief as tickets: phone cases logged by the demo operator, portal cases submitted.
 */
export async function seedIntakeDemo({ manager, log, config }: SeedContext): Promise<void> {
  const areaIds = new Map<string, string>();
  for (const area of loadZiboAreas()) {
    const parentId = area.parentCode ? areaIds.get(area.parentCode) ?? null : null;
    const saved = await manager.save(Area, { code: area.code, nameZh: area.nameZh, nameEn: area.nameEn, level: area.level, parentId });
    areaIds.set(area.code, saved.id);
  }
  const categoryIds = new Map<string, string>();
  for (const [index, category] of demoCategories.entries()) {
    const parentId = category.parentCode ? categoryIds.get(category.parentCode) ?? null : null;
    const saved = await manager.save(Category, { ...category, parentId, sortOrder: index, active: true });
    categoryIds.set(category.code, saved.id);
    // Version 1 of each, as if an admin had added it, so that the admin page's history starts here.
    const { id: categoryId, keywords: _keywords, ...snapshot } = saved;
    await manager.insert(CategoryVersion, { ...snapshot, categoryId, version: 1, change: CategoryChange.CREATED, updatedById: null, updatedByName: "演示数据 (demo data)" });
  }

  const areas = await manager.find(Area);
  const operator = await manager.findOne(User, { where: { username: "operator" } });
  const operatorActor: Actor | null = operator
    ? { kind: "staff", id: operator.id, name: operator.displayName, roles: operator.roles, unitId: null }
    : null;
  for (const [index, demo] of demoCases.entries()) {
    const district = areas.find((area) => area.level === "DISTRICT" && area.nameZh === demo.districtNameZh);
    const township = demo.townshipNameZh
      ? areas.find((area) => area.parentId === district?.id && area.nameZh === demo.townshipNameZh)
      : undefined;
    if (!district) {
      throw new Error(`demo case ${demo.key}: unknown district ${demo.districtNameZh}`);
    }
    const input = {
      requestType: RequestType[demo.requestType],
      urgency: Urgency[demo.urgency],
      categoryId: categoryIds.get(demo.categoryCode)!,
      description: demo.description,
      districtId: district.id,
      townshipId: township?.id ?? null,
      address: demo.address,
      citizenName: demo.citizenName,
      phone: demo.phone,
      privacy: privacyOf(demo),
    };
    // spread over the working day rather than all at the same minute
    const receivedAt = new Date(Date.now() - demo.daysAgo * DAY_MS - ((index * 47) % 480) * 60_000);
    const phoneCall = demo.channel === "PHONE" && operatorActor;
    const ticket = phoneCall
      ? await logCall({
          db: manager,
          cityPrefix: config.cityPrefix,
          actor: operatorActor,
          receivedAt,
          input: { ...input, channel: Channel.PHONE, extraFields: Object.entries(demo.extraFields ?? {}).map(([key, value]) => ({ key, value })) },
        })
      : await submitRequest({ db: manager, cityPrefix: config.cityPrefix, actor: null, channel: Channel[demo.channel], receivedAt, input });
    if (phoneCall && demo.urgency === "EMERGENCY") {
      await recordEmergencyHandoff(manager, {
        actor: operatorActor,
        ticketId: ticket.id,
        service: EmergencyService.FIRE_119,
        reference: "119-20260001",
        checklist: ["确认来电人已撤离到安全地点 / caller is in a safe place", "提醒不要开关电器、不要使用明火 / no switches, no open flame"],
      });
    }
  }
  log.info({ areas: areaIds.size, categories: categoryIds.size, tickets: demoCases.length }, "intake demo data seeded");
}
