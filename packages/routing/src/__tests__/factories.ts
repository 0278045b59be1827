import { randomUUID } from "node:crypto";
import { Area, Category, Channel, RequestType, Urgency, intakeModule, submitRequest } from "@civicline/intake";
import { Role, platformModule, type Actor } from "@civicline/platform";
import { createTestDatabase, type TestDatabase } from "@civicline/platform/testing";
import { saveDispatchRule, type DispatchRuleRequest } from "../rules/save-dispatch-rule.js";
import { routingModule } from "../routing.module.js";
import { saveSlaPolicy } from "../sla/save-sla-policy.js";
import { Unit } from "../unit/unit.entity.js";

/** A database with the platform, intake and routing migrations applied. */
export function routingTestDatabase(): Promise<TestDatabase> {
  return createTestDatabase({
    entities: [...platformModule.entities, ...intakeModule.entities, ...routingModule.entities],
    migrations: [...platformModule.migrations, ...intakeModule.migrations, ...routingModule.migrations],
  });
}

export function staff(name: string, roles: Role[], unitId: string | null = null): Actor {
  return { kind: "staff", id: randomUUID(), name, roles, unitId };
}

export const admin = staff("管理员", [Role.ADMIN]);
export const dispatcher = staff("李强", [Role.DISPATCHER]);
export const supervisor = staff("张静", [Role.SUPERVISOR]);
/** Not a user in platform_user: tickets it logs count as logged by nobody at the centre. */
export const portal: Actor | null = null;

let counter = 0;

/**
 * A fresh little world: a city with a district and two of its townships, a category group with two
 * leaves, a bureau, the district government and a township office, and their handlers.
 */
export async function buildWorld(db: TestDatabase) {
  const n = ++counter;
  const areas = db.dataSource.getRepository(Area);
  const categories = db.dataSource.getRepository(Category);
  const units = db.dataSource.getRepository(Unit);
  const city = await areas.save({ code: `C${n}`, nameZh: `淄博市${n}`, nameEn: null, level: "CITY", parentId: null });
  const district = await areas.save({ code: `D${n}`, nameZh: `高青县${n}`, nameEn: null, level: "DISTRICT", parentId: city.id });
  const township = await areas.save({ code: `T${n}`, nameZh: `青城镇${n}`, nameEn: null, level: "TOWNSHIP", parentId: district.id });
  const otherTownship = await areas.save({ code: `T${n}b`, nameZh: `高城镇${n}`, nameEn: null, level: "TOWNSHIP", parentId: district.id });
  const group = await categories.save({ code: `URBAN${n}`, nameZh: `城市管理${n}`, nameEn: `Urban ${n}`, parentId: null, selectable: false });
  const leaf = await categories.save({ code: `URBAN${n}.SANITATION`, nameZh: `环境卫生${n}`, nameEn: `Sanitation ${n}`, parentId: group.id, selectable: true });
  const otherLeaf = await categories.save({ code: `URBAN${n}.NOISE`, nameZh: `噪音${n}`, nameEn: `Noise ${n}`, parentId: group.id, selectable: true });
  const bureau = await units.save({ code: `BUR-URBAN-${n}`, nameZh: `淄博市城市管理局${n}`, nameEn: "Urban bureau", kind: "BUREAU", areaId: city.id, parentId: null });
  const districtGov = await units.save({ code: `GOV-D${n}`, nameZh: `高青县人民政府${n}`, nameEn: "County", kind: "DISTRICT_GOVERNMENT", areaId: district.id, parentId: null });
  const townshipOffice = await units.save({ code: `GOV-T${n}`, nameZh: `青城镇人民政府${n}`, nameEn: "Town", kind: "TOWNSHIP_OFFICE", areaId: township.id, parentId: districtGov.id });
  const ecoBureau = await units.save({ code: `BUR-ECO-${n}`, nameZh: `淄博市生态环境局${n}`, nameEn: "Environment bureau", kind: "BUREAU", areaId: city.id, parentId: null });
  return {
    city,
    district,
    township,
    otherTownship,
    group,
    leaf,
    otherLeaf,
    bureau,
    districtGov,
    townshipOffice,
    ecoBureau,
    bureauHandler: staff(`城管局 王工${n}`, [Role.HANDLER], bureau.id),
    townshipHandler: staff(`青城镇 孙主任${n}`, [Role.HANDLER], townshipOffice.id),
    districtHandler: staff(`高青县 刘科长${n}`, [Role.HANDLER], districtGov.id),
    ecoHandler: staff(`生态环境局 赵工${n}`, [Role.HANDLER], ecoBureau.id),
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** A catalogue rule saved through the service (version 1). */
export function buildRule(db: TestDatabase, request: DispatchRuleRequest, actor: Actor = admin) {
  return saveDispatchRule(db.dataSource, { actor, request });
}

/** The demo SLA policies that matter here: complaints 5 working days, emergencies on the clock. */
export async function buildPolicies(db: TestDatabase): Promise<void> {
  const rows = await db.dataSource.query("SELECT count(*)::int AS n FROM routing_sla_policy");
  if (rows[0].n > 0) {
    return;
  }
  await saveSlaPolicy(db.dataSource, { actor: admin, request: { dispatchMinutes: 240, signForMinutes: 120, completionMinutes: 4500 } });
  await saveSlaPolicy(db.dataSource, { actor: admin, request: { requestType: RequestType.COMPLAINT, dispatchMinutes: 240, signForMinutes: 120, completionMinutes: 2250 } });
  await saveSlaPolicy(db.dataSource, {
    actor: admin,
    request: { urgency: Urgency.EMERGENCY, dispatchMinutes: 15, signForMinutes: 15, completionMinutes: 1440, aroundTheClock: true },
  });
}

/** A ticket submitted on the portal (nobody at the centre holds it) in the world's township. */
export function buildTicket(
  db: TestDatabase,
  world: World,
  overrides: Partial<Parameters<typeof submitRequest>[0]["input"]> & { receivedAt?: Date; actor?: Actor | null } = {},
) {
  const { receivedAt, actor, ...input } = overrides;
  return submitRequest({
    db: db.dataSource,
    cityPrefix: "ZB",
    actor: actor ?? portal,
    channel: Channel.PORTAL,
    receivedAt,
    input: {
      requestType: RequestType.COMPLAINT,
      categoryId: world.leaf.id,
      description: "村口垃圾堆放多日无人清运，气味很大。",
      districtId: world.district.id,
      townshipId: world.township.id,
      address: "青城镇某村村口",
      citizenName: "孙女士",
      phone: "13912345678",
      ...input,
    },
  });
}

/** History rows of a ticket in the order they were written. */
export function historyOf(db: TestDatabase, ticketId: string): Promise<Array<{ from_status: string | null; to_status: string; is_public: boolean; reason: string | null; actor_name: string }>> {
  return db.dataSource.query("SELECT from_status, to_status, is_public, reason, actor_name FROM intake_ticket_history WHERE ticket_id = $1 ORDER BY id", [ticketId]);
}

/** Outbox events of a type about a ticket. */
export async function eventsOf(db: TestDatabase, ticketId: string, type: string): Promise<Array<Record<string, unknown>>> {
  const rows: Array<{ payload: Record<string, unknown> }> = await db.dataSource.query(
    "SELECT payload FROM platform_outbox WHERE type = $1 AND payload->>'ticketId' = $2 ORDER BY id",
    [type, ticketId],
  );
  return rows.map((row) => row.payload);
}

/** The stored timers of an assignment. */
/** The completion-deadline timers (near-due and overdue) of an assignment. */
export function timersOf(db: TestDatabase, assignmentId: string): Promise<Array<{ key: string; type: string; due_at: Date; fired_at: Date | null }>> {
  return db.dataSource.query("SELECT key, type, due_at, fired_at FROM platform_timer WHERE key LIKE $1 AND type <> 'routing.sign_for_overdue' ORDER BY type", [
    `routing:assignment:${assignmentId}:%`,
  ]);
}

/** The sign-for timer of an assignment, if armed. */
export function signForTimerOf(db: TestDatabase, assignmentId: string): Promise<Array<{ due_at: Date; fired_at: Date | null }>> {
  return db.dataSource.query("SELECT due_at, fired_at FROM platform_timer WHERE key = $1", [`routing:assignment:${assignmentId}:sign_for_overdue`]);
}
