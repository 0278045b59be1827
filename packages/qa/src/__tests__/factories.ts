import { randomUUID } from "node:crypto";
import { callbackModule } from "@civicline/callback";
import { Area, Category, Channel, RequestType, TICKET_RECEIVED, intakeModule, submitRequest } from "@civicline/intake";
import { knowledgeModule } from "@civicline/knowledge";
import { Role, User, platformModule, type Actor } from "@civicline/platform";
import { createTestDatabase, type TestDatabase } from "@civicline/platform/testing";
import { routingModule } from "@civicline/routing";
import type { DataSource } from "typeorm";
import { QaCallDirection } from "../calls/call-record.entity.js";
import { callTicketHandlers, reportCallRecord } from "../calls/call-records.js";
import { qaModule } from "../qa.module.js";
import { QaTeam, QaTeamMember } from "../teams/team.entity.js";

/** A database with every migration qa builds on (platform, intake, routing, knowledge, callback) and qa's own. */
export function qaTestDatabase(): Promise<TestDatabase> {
  const modules = [platformModule, intakeModule, routingModule, knowledgeModule, callbackModule, qaModule];
  return createTestDatabase({ entities: modules.flatMap((module) => module.entities), migrations: modules.flatMap((module) => module.migrations) });
}

/** An actor that exists only in memory (for access checks that need no user row). */
export function staff(name: string, roles: Role[], unitId: string | null = null): Actor {
  return { kind: "staff", id: randomUUID(), name, roles, unitId };
}

export const integrator: Actor = { kind: "integrator", id: randomUUID(), name: "CTI", roles: [Role.INTEGRATOR], unitId: null, scopes: ["telephony"] };
export const openIntegrator: Actor = { kind: "integrator", id: randomUUID(), name: "Open311 only", roles: [Role.INTEGRATOR], unitId: null, scopes: ["open311"] };

let counter = 0;

/** A stored staff user (platform_user row) and its actor. */
export async function createStaff(db: DataSource, name: string, roles: Role[], seat: string | null = null): Promise<Actor> {
  const n = ++counter;
  const user = await db.getRepository(User).save({ username: `qa-${n}-${randomUUID().slice(0, 8)}`, displayName: name, passwordHash: "x", roles, seat, active: true });
  return { kind: "staff", id: user.id, name: user.displayName, roles, unitId: null };
}

/** A team led by `lead` with `members`. */
export async function createTeam(db: DataSource, lead: Actor, members: Actor[], name = `班组 ${++counter}`): Promise<QaTeam> {
  const team = await db.getRepository(QaTeam).save({ name, leadUserId: lead.id });
  for (const member of members) {
    await db.getRepository(QaTeamMember).save({ userId: member.id, teamId: team.id });
  }
  return team;
}

let ticketCounter = 0;

/** A district and a category (fresh rows each call) for tickets logged during calls. */
export async function buildCatalog(db: DataSource) {
  const n = ++ticketCounter;
  const district = await db.getRepository(Area).save({ code: `QA-D${n}`, nameZh: `张店区${n}`, nameEn: null, level: "DISTRICT", parentId: null });
  const group = await db.getRepository(Category).save({ code: `QA${n}`, nameZh: `政策${n}`, nameEn: `Policy ${n}`, parentId: null, selectable: false });
  const category = await db.getRepository(Category).save({ code: `QA${n}.A`, nameZh: `社保政策${n}`, nameEn: `Social insurance ${n}`, parentId: group.id, selectable: true });
  return { district, group, category };
}

/**
 * A ticket logged during call `callId` (portal intake, then the call id set as logCall would), linked
 * to the call through qa's ticket_received handler — the same path the gateway's outbox takes.
 */
export async function ticketDuringCall(
  db: DataSource,
  catalog: Awaited<ReturnType<typeof buildCatalog>>,
  callId: string,
  options: { requestType?: RequestType; directAnswer?: string | null } = {},
): Promise<string> {
  const ticket = await submitRequest({
    db,
    cityPrefix: "ZB",
    actor: null,
    channel: Channel.PORTAL,
    input: {
      requestType: options.requestType ?? RequestType.CONSULTATION,
      categoryId: catalog.category.id,
      description: "咨询社保缴费基数的调整时间。",
      districtId: catalog.district.id,
      address: "张店区人民路",
      citizenName: "郑先生",
      phone: "13900000013",
    },
  });
  await db.query(`UPDATE intake_ticket SET call_id = $2, direct_answer = $3 WHERE id = $1`, [ticket.id, callId, options.directAnswer ?? null]);
  for (const handler of callTicketHandlers(db)) {
    await handler.handle({ id: "1", type: TICKET_RECEIVED, payload: { ticketId: ticket.id }, actorId: null, occurredAt: new Date() } as never);
  }
  return ticket.id;
}

/** A callback answer about the ticket's service (process satisfaction), given at `answeredAt`. */
export async function surveyAnswer(db: DataSource, ticketId: string, processSatisfaction: string, answeredAt: Date): Promise<void> {
  await db.query(
    `INSERT INTO callback_survey (task_id, ticket_id, full_survey, channel, process_satisfaction, answered_at, category_id, request_type)
     SELECT gen_random_uuid(), id, true, 'PHONE', $2, $3, category_id, request_type FROM intake_ticket WHERE id = $1`,
    [ticketId, processSatisfaction, answeredAt],
  );
}

let callCounter = 0;

/** A finished call reported by the telephony integration: `startedAt`, answered after 10 s, talked `talkSeconds`. */
export async function callOf(db: DataSource, callTaker: Actor | null, startedAt: Date, options: { talkSeconds?: number; seatCode?: string; callId?: string; recordingUrl?: string | null } = {}) {
  const answeredAt = new Date(startedAt.getTime() + 10_000);
  const endedAt = new Date(answeredAt.getTime() + (options.talkSeconds ?? 120) * 1000);
  const username = callTaker ? ((await db.query(`SELECT username FROM platform_user WHERE id = $1`, [callTaker.id])) as Array<{ username: string }>)[0]!.username : null;
  return reportCallRecord(db, {
    actor: integrator,
    request: {
      callId: options.callId ?? `call-${++callCounter}-${randomUUID().slice(0, 6)}`,
      seatCode: options.seatCode ?? "A01",
      agentUsername: username,
      callerNumber: "13900000031",
      direction: QaCallDirection.INBOUND,
      startedAt,
      answeredAt,
      endedAt,
      recordingUrl: options.recordingUrl ?? null,
    },
    now: new Date(endedAt.getTime() + 60_000),
  });
}

/** Seats A01 … A0n (idempotent). */
export async function seats(db: DataSource, n = 6): Promise<void> {
  for (let i = 1; i <= n; i++) {
    await db.query(`INSERT INTO qa_seat (code, name, active) VALUES ($1, $2, true) ON CONFLICT DO NOTHING`, [`A0${i}`, `一排 ${i} 号`]);
  }
}
