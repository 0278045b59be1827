import { randomUUID } from "node:crypto";
import { platformModule, type Actor, Role } from "@civicline/platform";
import { createTestDatabase, type TestDatabase } from "@civicline/platform/testing";
import { Area } from "../catalog/area.entity.js";
import { Category } from "../catalog/category.entity.js";
import { CategoryFieldType, type CategoryFieldDefinition } from "../catalog/category-field.js";
import { logCall, type LogCallOptions } from "../call-screen/log-call.js";
import { intakeModule } from "../intake.module.js";
import { submitRequest } from "../ticket/submit-request.js";
import { Channel, RequestType } from "../ticket/ticket.enums.js";

export function intakeTestDatabase(): Promise<TestDatabase> {
  return createTestDatabase({
    entities: [...platformModule.entities, ...intakeModule.entities],
    migrations: [...platformModule.migrations, ...intakeModule.migrations],
  });
}

let counter = 0;

/** Extra fields like the demo HOUSING categories': a required estate name and an optional number. */
export const housingFields: CategoryFieldDefinition[] = [
  { key: "estateName", labelZh: "小区名称", labelEn: "Estate name", type: CategoryFieldType.TEXT, required: true, maxLength: 20 },
  { key: "amountYuan", labelZh: "涉及金额（元）", labelEn: "Amount", type: CategoryFieldType.NUMBER, required: false },
  { key: "since", labelZh: "开始日期", labelEn: "Since", type: CategoryFieldType.DATE, required: false },
  { key: "when", labelZh: "时段", labelEn: "When", type: CategoryFieldType.SELECT, required: false, options: ["白天", "夜间"] },
];

/** A category group with one selectable leaf, a district and one of its townships: fresh rows each call. */
export async function buildCatalog(db: TestDatabase, options: { fields?: CategoryFieldDefinition[] } = {}) {
  const n = ++counter;
  const categories = db.dataSource.getRepository(Category);
  const areas = db.dataSource.getRepository(Area);
  const group = await categories.save({ code: `G${n}`, nameZh: `组${n}`, nameEn: `Group ${n}`, parentId: null, selectable: false });
  const leaf = await categories.save({ code: `G${n}.LEAF`, nameZh: `噪音${n}`, nameEn: `Noise ${n}`, parentId: group.id, selectable: true, fields: options.fields ?? [] });
  const district = await areas.save({ code: `D${n}`, nameZh: `张店区${n}`, nameEn: null, level: "DISTRICT", parentId: null });
  const township = await areas.save({ code: `T${n}`, nameZh: `科苑街道${n}`, nameEn: null, level: "TOWNSHIP", parentId: district.id });
  const otherTownship = await areas.save({ code: `T${n}b`, nameZh: `马尚街道${n}`, nameEn: null, level: "TOWNSHIP", parentId: district.id });
  return { group, leaf, district, township, otherTownship };
}

export type Catalog = Awaited<ReturnType<typeof buildCatalog>>;

function staff(name: string, roles: Role[], unitId: string | null = null): Actor {
  return { kind: "staff", id: randomUUID(), name, roles, unitId };
}

export const operator: Actor = { kind: "staff", id: "00000000-0000-4000-8000-0000000000a1", name: "王敏", roles: [Role.OPERATOR], unitId: null };
export const secondOperator = staff("孙丽", [Role.OPERATOR]);
export const dispatcher = staff("李强", [Role.DISPATCHER]);
export const supervisor = staff("张静", [Role.SUPERVISOR]);
export const callbackAgent = staff("赵丽", [Role.CALLBACK_AGENT]);
export const integrator: Actor = { kind: "integrator", id: randomUUID(), name: "CTI", roles: [Role.INTEGRATOR], unitId: null, scopes: ["telephony", "open311", "tickets:write", "tickets:read", "webhooks"] };

/** Inserts a ticket through the real intake service (the portal path, logged by an operator). */
export async function buildTicket(db: TestDatabase, overrides: Partial<Parameters<typeof submitRequest>[0]["input"]> = {}) {
  const catalog = await buildCatalog(db);
  return submitRequest({
    db: db.dataSource,
    cityPrefix: "ZB",
    actor: operator,
    channel: Channel.PHONE,
    input: {
      requestType: RequestType.COMPLAINT,
      categoryId: catalog.leaf.id,
      description: "楼下烧烤店油烟噪音扰民",
      districtId: catalog.district.id,
      townshipId: catalog.township.id,
      address: "柳泉路 1 号",
      citizenName: "李女士",
      phone: "13912345678",
      ...overrides,
    },
  });
}

/** The input of an ordinary call in a catalog. */
export function callInput(catalog: Catalog, overrides: Partial<LogCallOptions["input"]> = {}): LogCallOptions["input"] {
  return {
    requestType: RequestType.COMPLAINT,
    categoryId: catalog.leaf.id,
    description: "小区门口下水道井盖破损，晚上有人差点摔倒。",
    districtId: catalog.district.id,
    townshipId: catalog.township.id,
    address: "张店区柳泉路 88 号",
    citizenName: "王先生",
    phone: "13812345678",
    ...overrides,
  };
}

/** Logs a call through the real service. */
export function buildCall(db: TestDatabase, catalog: Catalog, overrides: Partial<LogCallOptions["input"]> = {}, actor: Actor = operator) {
  return logCall({ db: db.dataSource, cityPrefix: "ZB", actor, input: callInput(catalog, overrides) });
}

/** History rows of a ticket in the order they were written. */
export function historyOf(db: TestDatabase, ticketId: string): Promise<Array<{ from_status: string | null; to_status: string; kind: string; is_public: boolean; reason: string | null }>> {
  return db.dataSource.query("SELECT from_status, to_status, kind, is_public, reason FROM intake_ticket_history WHERE ticket_id = $1 ORDER BY id", [ticketId]);
}

/** Outbox events about a ticket, oldest first. */
export function eventsOf(db: TestDatabase, ticketId: string): Promise<Array<{ type: string; payload: Record<string, unknown> }>> {
  return db.dataSource.query("SELECT type, payload FROM platform_outbox WHERE payload->>'ticketId' = $1 ORDER BY id", [ticketId]);
}
