import { randomUUID } from "node:crypto";
import { Area, Category, Channel, RequestType, TICKET_ANSWERED_DIRECTLY, TicketStatus, intakeModule, submitRequest, transitionTicket } from "@civicline/intake";
import { OutboxProcessor, Role, createLogger, platformModule, recordEvent, type Actor } from "@civicline/platform";
import { createTestDatabase, type TestDatabase } from "@civicline/platform/testing";
import { ReplyOutcome, Unit, dispatchTicket, replyToTicket, routingModule, signFor } from "@civicline/routing";
import { callbackModule } from "../callback.module.js";
import { CallbackTask } from "../task/callback-task.entity.js";
import { callbackTaskHandlers } from "../task/task-handlers.js";

/** A database with the platform, intake, routing and callback migrations applied. */
export function callbackTestDatabase(): Promise<TestDatabase> {
  return createTestDatabase({
    entities: [...platformModule.entities, ...intakeModule.entities, ...routingModule.entities, ...callbackModule.entities],
    migrations: [...platformModule.migrations, ...intakeModule.migrations, ...routingModule.migrations, ...callbackModule.migrations],
  });
}

export function staff(name: string, roles: Role[], unitId: string | null = null): Actor {
  return { kind: "staff", id: randomUUID(), name, roles, unitId };
}

export const admin = staff("管理员", [Role.ADMIN]);
export const dispatcher = staff("李强", [Role.DISPATCHER]);
export const supervisor = staff("张静", [Role.SUPERVISOR]);
export const leader = staff("区长", [Role.LEADER]);
export const agent = staff("赵丽", [Role.CALLBACK_AGENT]);
export const otherAgent = staff("钱芳", [Role.CALLBACK_AGENT]);
export const operator = staff("王敏", [Role.OPERATOR]);
export const integrator: Actor = { kind: "integrator", id: randomUUID(), name: "CTI", roles: [Role.INTEGRATOR], unitId: null, scopes: ["telephony", "open311", "tickets:write", "tickets:read", "webhooks"] };

/** The outbox as the gateway runs it, with callback's handlers only; `drain()` delivers everything pending. */
export function outboxFor(db: TestDatabase): OutboxProcessor {
  const outbox = new OutboxProcessor(db.dataSource, createLogger({ level: "silent" }));
  for (const handler of callbackTaskHandlers(db.dataSource)) {
    outbox.register(handler);
  }
  return outbox;
}

let counter = 0;

/** A district, a category and a bureau with its handler: fresh rows each call. */
export async function buildWorld(db: TestDatabase) {
  const n = ++counter;
  const district = await db.dataSource.getRepository(Area).save({ code: `CB-D${n}`, nameZh: `张店区${n}`, nameEn: null, level: "DISTRICT", parentId: null });
  const group = await db.dataSource.getRepository(Category).save({ code: `CB${n}`, nameZh: `住房${n}`, nameEn: `Housing ${n}`, parentId: null, selectable: false });
  const category = await db.dataSource.getRepository(Category).save({ code: `CB${n}.FEE`, nameZh: `物业收费${n}`, nameEn: `Property fees ${n}`, parentId: group.id, selectable: true });
  const bureau = await db.dataSource.getRepository(Unit).save({ code: `CB-BUR-${n}`, nameZh: `住建局${n}`, nameEn: `Housing bureau ${n}`, kind: "BUREAU", areaId: null, parentId: null });
  return { district, category, bureau, handler: staff(`住建局 钱科长${n}`, [Role.HANDLER], bureau.id) };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** A portal ticket in the world. */
export function buildTicket(db: TestDatabase, world: World, options: { requestType?: RequestType; phone?: string } = {}) {
  return submitRequest({
    db: db.dataSource,
    cityPrefix: "ZB",
    actor: null,
    channel: Channel.PORTAL,
    input: {
      requestType: options.requestType ?? RequestType.COMPLAINT,
      categoryId: world.category.id,
      description: "小区物业未经业主大会同意上调物业费。",
      districtId: world.district.id,
      address: "张店区某小区",
      citizenName: "郑先生",
      phone: options.phone ?? "13900000013",
    },
  });
}

/** A ticket dispatched to the world's bureau, signed for and replied (at `repliedAt`). */
export async function buildRepliedTicket(db: TestDatabase, world: World, options: { requestType?: RequestType; repliedAt?: Date } = {}) {
  const ticket = await buildTicket(db, world, options);
  await dispatchTicket(db.dataSource, { actor: dispatcher, request: { ticketId: ticket.id, version: ticket.version, leadUnitId: world.bureau.id } });
  await signFor(db.dataSource, { actor: world.handler, ticketId: ticket.id });
  const assignment = await replyToTicket(db.dataSource, {
    actor: world.handler,
    ticketId: ticket.id,
    reply: { outcome: ReplyOutcome.RESOLVED, text: "已责令物业公司暂停执行新收费标准。" },
    now: options.repliedAt,
  });
  return { ticket, assignment };
}

/** Replies a re-dispatched ticket again (sign for + reply). */
export async function replyAgain(db: TestDatabase, world: World, ticketId: string) {
  await signFor(db.dataSource, { actor: world.handler, ticketId });
  return replyToTicket(db.dataSource, { actor: world.handler, ticketId, reply: { outcome: ReplyOutcome.RESOLVED, text: "物业公司已退还多收的费用。" } });
}

/** A ticket closed as a direct answer, the way intake's answerDirectly leaves it (status + event). */
export async function buildDirectAnswer(db: TestDatabase, world: World) {
  const ticket = await buildTicket(db, world, { requestType: RequestType.CONSULTATION });
  await db.dataSource.transaction(async (manager) => {
    await transitionTicket(manager, { ticketId: ticket.id, to: TicketStatus.CLOSED_DIRECT, expectedVersion: ticket.version, actor: operator, reason: "answered on the spot" });
    await recordEvent(manager, { type: TICKET_ANSWERED_DIRECTLY, payload: { ticketId: ticket.id, articleIds: [] }, actorId: operator.id });
  });
  return ticket;
}

/** The tasks of a ticket, oldest first. */
export function tasksOf(db: TestDatabase, ticketId: string): Promise<CallbackTask[]> {
  return db.dataSource.getRepository(CallbackTask).find({ where: { ticketId }, order: { createdAt: "ASC" } });
}

/** The ticket's status now. */
export async function statusOf(db: TestDatabase, ticketId: string): Promise<string> {
  return (await db.dataSource.query("SELECT status FROM intake_ticket WHERE id = $1", [ticketId]))[0].status;
}

/** History rows of a ticket in the order they were written. */
export function historyOf(db: TestDatabase, ticketId: string): Promise<Array<{ from_status: string | null; to_status: string; is_public: boolean; reason: string | null; actor_name: string }>> {
  return db.dataSource.query("SELECT from_status, to_status, is_public, reason, actor_name FROM intake_ticket_history WHERE ticket_id = $1 ORDER BY id", [ticketId]);
}

/** Outbox events of a type about a ticket. */
export async function eventsOf(db: TestDatabase, type: string, ticketId: string): Promise<Array<Record<string, unknown>>> {
  const rows: Array<{ payload: Record<string, unknown> }> = await db.dataSource.query("SELECT payload FROM platform_outbox WHERE type = $1 AND payload->>'ticketId' = $2 ORDER BY id", [type, ticketId]);
  return rows.map((row) => row.payload);
}

/** Local time in Zibo. */
export const at = (local: string): Date => new Date(`${local}+08:00`);
