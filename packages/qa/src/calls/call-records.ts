import { TICKET_RECEIVED, normalizePhone } from "@civicline/intake";
import {
  DomainError,
  IntegratorScope,
  StoredFile,
  assertNoFieldErrors,
  normalizeText,
  recordAudit,
  requireRole,
  requireScope,
  textProblem,
  type Actor,
  type EventHandler,
  type FieldError,
} from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { CALL_RECORD_REPORTERS, CALL_TAKER_ROLES, qaScope, requireIndividualReader, scopeCovers, scopeSql } from "../access.js";
import { QaErrorCode, SEAT_PATTERN, callNotFound, isUuid } from "../qa.errors.js";
import { resolveSeatOccupant } from "../roster/roster.js";
import { QaCall, QaCallDirection } from "./call-record.entity.js";

/** What the telephony integration reports for a finished call (GraphQL QaCallRecordInput). */
export type CallRecordRequest = {
  callId: string;
  seatCode: string;
  /** The agent's login name, when the telephony system knows it; else the roster decides by seat and time. */
  agentUsername?: string | null;
  callerNumber: string;
  direction: QaCallDirection;
  startedAt: Date;
  answeredAt?: Date | null;
  endedAt: Date;
  waitSeconds?: number | null;
  recordingUrl?: string | null;
  recordingFileId?: string | null;
  transcript?: string | null;
};

const CALL_ID_MAX = 100;
const URL_MAX = 2000;
const TRANSCRIPT_MAX = 100_000;
const FLAG_REASON = { min: 2, max: 500 };
/** Calls that ended longer ago than this are refused (a mistaken replay of old data). */
const OLDEST_MS = 30 * 86_400_000;
/** Clock skew tolerated between the telephony system and the gateway. */
const SKEW_MS = 5 * 60_000;
const MAX_CALL_MS = 12 * 3_600_000;
const CONTROL = /\p{Cc}/u;

const time = (value: unknown): number => (value instanceof Date ? value.getTime() : Number.NaN);

/** Field by field: every problem at once, nothing stored. */
function validateRecord(request: CallRecordRequest, now: Date): { callId: string; callerNumber: string; waitSeconds: number; talkSeconds: number; recordingUrl: string | null; transcript: string | null } {
  const errors: FieldError[] = [];
  const callId = normalizeText(String(request.callId ?? ""));
  if (!callId) {
    errors.push({ field: "callId", code: "REQUIRED", message: "Give the telephony system's call id." });
  } else if (callId.length > CALL_ID_MAX || CONTROL.test(callId)) {
    errors.push({ field: "callId", code: "INVALID_FORMAT", message: `A call id has at most ${CALL_ID_MAX} printable characters.` });
  }
  if (!SEAT_PATTERN.test(String(request.seatCode ?? ""))) {
    errors.push({ field: "seatCode", code: "INVALID_FORMAT", message: "A seat is 1 to 32 letters, digits, dots, dashes or underscores." });
  }
  const callerNumber = normalizePhone(String(request.callerNumber ?? ""));
  if (!callerNumber) {
    errors.push({ field: "callerNumber", code: "INVALID_FORMAT", message: "Give the caller's number (mobile or landline)." });
  }
  if (!Object.values(QaCallDirection).includes(request.direction)) {
    errors.push({ field: "direction", code: "INVALID_FORMAT", message: "Say whether the call was inbound or outbound." });
  }
  const started = time(request.startedAt);
  const ended = time(request.endedAt);
  const answered = request.answeredAt === null || request.answeredAt === undefined ? null : time(request.answeredAt);
  if (Number.isNaN(started)) {
    errors.push({ field: "startedAt", code: "INVALID_FORMAT", message: "Give the time the call started." });
  }
  if (Number.isNaN(ended)) {
    errors.push({ field: "endedAt", code: "INVALID_FORMAT", message: "Give the time the call ended." });
  } else if (!Number.isNaN(started) && ended < started) {
    errors.push({ field: "endedAt", code: "BEFORE_START", message: "A call cannot end before it starts." });
  } else if (!Number.isNaN(started) && ended - started > MAX_CALL_MS) {
    errors.push({ field: "endedAt", code: "OUT_OF_RANGE", message: "A call lasts at most 12 hours." });
  } else if (ended > now.getTime() + SKEW_MS) {
    errors.push({ field: "endedAt", code: "IN_FUTURE", message: "A finished call cannot end in the future." });
  } else if (ended < now.getTime() - OLDEST_MS) {
    errors.push({ field: "endedAt", code: "TOO_OLD", message: "Calls that ended more than 30 days ago are not taken." });
  }
  if (answered !== null) {
    if (Number.isNaN(answered)) {
      errors.push({ field: "answeredAt", code: "INVALID_FORMAT", message: "Give the time the call was answered, or leave it out." });
    } else if (!Number.isNaN(started) && answered < started) {
      errors.push({ field: "answeredAt", code: "BEFORE_START", message: "A call cannot be answered before it starts." });
    } else if (!Number.isNaN(ended) && answered > ended) {
      errors.push({ field: "answeredAt", code: "AFTER_END", message: "A call cannot be answered after it ended." });
    }
  }
  let waitSeconds = Math.max(0, Math.round(((answered ?? ended) - started) / 1000));
  if (request.waitSeconds !== null && request.waitSeconds !== undefined) {
    if (!Number.isInteger(request.waitSeconds) || request.waitSeconds < 0 || request.waitSeconds > 86_400) {
      errors.push({ field: "waitSeconds", code: "OUT_OF_RANGE", message: "Give the waiting time in whole seconds (0 to 86,400)." });
    }
    waitSeconds = request.waitSeconds;
  }
  const talkSeconds = answered === null || Number.isNaN(answered) ? 0 : Math.max(0, Math.round((ended - answered) / 1000));
  let recordingUrl: string | null = null;
  if (request.recordingUrl) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(request.recordingUrl);
    } catch {
      parsed = null;
    }
    if (!parsed || !["http:", "https:"].includes(parsed.protocol) || request.recordingUrl.length > URL_MAX) {
      errors.push({ field: "recordingUrl", code: "INVALID_FORMAT", message: "Give the recording's http(s) address (at most 2,000 characters)." });
    } else {
      recordingUrl = parsed.toString();
    }
  }
  if (request.recordingFileId && !isUuid(request.recordingFileId)) {
    errors.push({ field: "recordingFileId", code: "INVALID_FORMAT", message: "Give the id the upload returned." });
  } else if (request.recordingFileId && request.recordingUrl) {
    errors.push({ field: "recordingFileId", code: "CONFLICT", message: "Give the recording either as an address or as an uploaded file, not both." });
  }
  let transcript: string | null = null;
  if (request.transcript) {
    const problem = textProblem(request.transcript);
    transcript = normalizeText(request.transcript) || null;
    if (problem) {
      errors.push({ field: "transcript", code: "INVALID_CHARACTERS", message: `The transcript ${problem}.` });
    } else if ((transcript?.length ?? 0) > TRANSCRIPT_MAX) {
      errors.push({ field: "transcript", code: "TOO_LONG", message: "A transcript has at most 100,000 characters." });
    }
  }
  if (request.agentUsername !== null && request.agentUsername !== undefined && (typeof request.agentUsername !== "string" || request.agentUsername.length > 64)) {
    errors.push({ field: "agentUsername", code: "INVALID_FORMAT", message: "Give the agent's login name." });
  }
  assertNoFieldErrors(errors);
  return { callId, callerNumber: callerNumber!, waitSeconds, talkSeconds, recordingUrl, transcript };
}

/**
 * The telephony integration (API key with the telephony scope) or an admin reports a finished call.
 * Idempotent by call id: the same call reported again returns the stored record unchanged. The call
 * lands on the named agent, else on whoever the roster seats at that seat when the call was answered
 * (or started). An unknown seat, agent or file is a field error; nothing is stored then.
 */
export async function reportCallRecord(db: DataSource, input: { actor: Actor | null | undefined; request: CallRecordRequest; now?: Date }): Promise<QaCall> {
  const actor = requireRole(input.actor, CALL_RECORD_REPORTERS);
  requireScope(actor, IntegratorScope.TELEPHONY);
  const checked = validateRecord(input.request, input.now ?? new Date());
  return db.transaction((manager) => storeCallRecord(manager, { actor, request: { ...input.request, ...checked } }));
}

/** Stores a checked record in the caller's transaction (idempotent by call id); also used by the demo data. */
export async function storeCallRecord(
  manager: EntityManager,
  input: { actor: Actor; request: CallRecordRequest & { waitSeconds: number; talkSeconds: number; recordingUrl: string | null; transcript: string | null } },
): Promise<QaCall> {
  const { actor, request } = input;
  const existing = await manager.findOne(QaCall, { where: { callId: request.callId } });
  if (existing) {
    return existing;
  }
  const errors: FieldError[] = [];
  const seat: unknown[] = await manager.query(
    `SELECT 1 FROM qa_seat WHERE code = $1 AND active UNION ALL SELECT 1 FROM platform_user WHERE seat = $1 AND active LIMIT 1`,
    [request.seatCode],
  );
  if (seat.length === 0) {
    errors.push({ field: "seatCode", code: "UNKNOWN", message: `There is no seat ${request.seatCode}.` });
  }
  let callTakerId: string | null = null;
  if (request.agentUsername) {
    const agent: Array<{ id: string }> = await manager.query(`SELECT id FROM platform_user WHERE username = $1 AND active AND 'operator' = ANY(roles)`, [request.agentUsername]);
    if (!agent[0]) {
      errors.push({ field: "agentUsername", code: "UNKNOWN", message: `No call-taker logs in as ${request.agentUsername}.` });
    }
    callTakerId = agent[0]?.id ?? null;
  }
  if (request.recordingFileId && !(await manager.exists(StoredFile, { where: { id: request.recordingFileId } }))) {
    errors.push({ field: "recordingFileId", code: "UNKNOWN", message: "No uploaded file has this id." });
  }
  assertNoFieldErrors(errors);
  if (!callTakerId) {
    callTakerId = (await resolveSeatOccupant(manager, request.seatCode, request.answeredAt ?? request.startedAt))?.userId ?? null;
  }
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(QaCall)
    .values({
      callId: request.callId,
      seatCode: request.seatCode,
      callTakerId,
      callerNumber: request.callerNumber,
      direction: request.direction,
      startedAt: request.startedAt,
      answeredAt: request.answeredAt ?? null,
      endedAt: request.endedAt,
      waitSeconds: request.waitSeconds,
      talkSeconds: request.talkSeconds,
      recordingUrl: request.recordingUrl,
      recordingFileId: request.recordingFileId ?? null,
      transcript: request.transcript,
      flaggedAt: null,
      flagReason: null,
      reportedByName: actor.name,
    })
    .orIgnore()
    .returning("id")
    .execute();
  const id = (result.raw as Array<{ id: string }>)[0]?.id;
  return manager.findOneOrFail(QaCall, { where: id ? { id } : { callId: request.callId } });
}

/** Links each ticket logged with a call id to that call (whether the call record is there yet or not). */
export function callTicketHandlers(dataSource: DataSource): EventHandler[] {
  return [
    {
      name: "qa.link-call-ticket",
      eventType: TICKET_RECEIVED,
      handle: async (event) => {
        const ticketId = String(event.payload.ticketId ?? "");
        if (!isUuid(ticketId)) {
          return;
        }
        await dataSource.query(
          `INSERT INTO qa_call_ticket (ticket_id, call_id) SELECT id, call_id FROM intake_ticket WHERE id = $1 AND call_id IS NOT NULL ON CONFLICT (ticket_id) DO NOTHING`,
          [ticketId],
        );
      },
    },
  ];
}

/** A call record the actor may see (inspectors: any; a team lead: their team's; a call-taker: their own), else QA/CALL_NOT_FOUND. */
export async function loadVisibleCall(db: DataSource | EntityManager, actor: Actor | null | undefined, id: string): Promise<QaCall> {
  const scope = await requireIndividualReader(db, actor);
  const call = isUuid(id) ? await db.getRepository(QaCall).findOne({ where: { id } }) : null;
  if (!call || !(scope.kind === "all" || (call.callTakerId !== null && scopeCovers(scope, call.callTakerId)))) {
    throw callNotFound();
  }
  return call;
}

/**
 * The call-taker asks for one of their own calls to be reviewed (a difficult caller, a doubt about
 * an answer): the next day's sampling picks it. Once per call. Audited.
 */
export async function flagCallForReview(db: DataSource, input: { actor: Actor | null | undefined; id: string; reason: string; now?: Date }): Promise<QaCall> {
  requireRole(input.actor, CALL_TAKER_ROLES);
  const scope = await qaScope(db, input.actor);
  const errors: FieldError[] = [];
  const reason = normalizeText(String(input.reason ?? ""));
  const problem = textProblem(reason);
  if (problem) {
    errors.push({ field: "reason", code: "INVALID_CHARACTERS", message: `The reason ${problem}.` });
  } else if (!reason) {
    errors.push({ field: "reason", code: "REQUIRED", message: "Say why this call should be reviewed." });
  } else if ([...reason].length < FLAG_REASON.min) {
    errors.push({ field: "reason", code: "TOO_SHORT", message: `Say in at least ${FLAG_REASON.min} characters why this call should be reviewed.` });
  } else if ([...reason].length > FLAG_REASON.max) {
    errors.push({ field: "reason", code: "TOO_LONG", message: `Keep the reason under ${FLAG_REASON.max} characters.` });
  }
  assertNoFieldErrors(errors);
  return db.transaction(async (manager) => {
    const call = isUuid(input.id) ? await manager.findOne(QaCall, { where: { id: input.id }, lock: { mode: "pessimistic_write" } }) : null;
    if (!call || !scopeCovers(scope, call.callTakerId ?? "")) {
      throw callNotFound();
    }
    if (call.callTakerId !== scope.actorId) {
      throw new DomainError("FORBIDDEN", "Only the call-taker who took the call flags it for review.");
    }
    if (call.flaggedAt) {
      throw new DomainError(QaErrorCode.ALREADY_FLAGGED, "You already flagged this call for review.", { flaggedAt: call.flaggedAt.toISOString() });
    }
    const flaggedAt = input.now ?? new Date();
    await manager.update(QaCall, { id: call.id }, { flaggedAt, flagReason: reason });
    await recordAudit(manager, { actor: input.actor!, action: "qa.call.flagged", entity: { type: "qa_call", id: call.id, label: call.callId }, before: null, after: { reason } });
    return Object.assign(call, { flaggedAt, flagReason: reason });
  });
}

export type CallListRequest = { callTakerId?: string | null; from?: Date | null; to?: Date | null; limit?: number | null; offset?: number | null };

/** Call records the actor may see, newest first; a week back by default, at most 31 days at a time. */
export async function listCalls(db: DataSource, input: { actor: Actor | null | undefined; request: CallListRequest; now?: Date }): Promise<{ total: number; items: QaCall[] }> {
  const scope = await requireIndividualReader(db, input.actor);
  const { request } = input;
  const errors: FieldError[] = [];
  const now = input.now ?? new Date();
  const to = request.to ?? now;
  const from = request.from ?? new Date(to.getTime() - 7 * 86_400_000);
  const limit = request.limit ?? 50;
  const offset = request.offset ?? 0;
  if (request.callTakerId && !isUuid(request.callTakerId)) {
    errors.push({ field: "callTakerId", code: "INVALID_FORMAT", message: "Choose a call-taker from the list." });
  }
  if (Number.isNaN(time(from)) || Number.isNaN(time(to)) || to.getTime() <= from.getTime()) {
    errors.push({ field: "to", code: "BEFORE_START", message: "The period must end after it starts." });
  } else if (to.getTime() - from.getTime() > 31 * 86_400_000) {
    errors.push({ field: "to", code: "OUT_OF_RANGE", message: "Ask for at most 31 days at a time." });
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
    errors.push({ field: "limit", code: "OUT_OF_RANGE", message: "Ask for 1 to 200 calls at a time." });
  }
  if (!Number.isInteger(offset) || offset < 0 || offset > 100_000) {
    errors.push({ field: "offset", code: "OUT_OF_RANGE", message: "Skip 0 to 100,000 calls." });
  }
  assertNoFieldErrors(errors);
  if (scope.kind === "none" || (request.callTakerId && !scopeCovers(scope, request.callTakerId))) {
    return { total: 0, items: [] };
  }
  const params: unknown[] = [from, to];
  const conditions = ["c.started_at >= $1", "c.started_at < $2"];
  if (request.callTakerId) {
    params.push(request.callTakerId);
    conditions.push(`c.call_taker_id = $${params.length}`);
  } else {
    conditions.push(scopeSql(scope, "c.call_taker_id", params));
  }
  const where = conditions.join(" AND ");
  const [{ total }] = (await db.query(`SELECT count(*)::int AS total FROM qa_call c WHERE ${where}`, params)) as [{ total: number }];
  const ids: Array<{ id: string }> = await db.query(`SELECT c.id FROM qa_call c WHERE ${where} ORDER BY c.started_at DESC, c.id LIMIT ${limit} OFFSET ${offset}`, params);
  const rows = ids.length ? await db.getRepository(QaCall).createQueryBuilder("c").where("c.id IN (:...ids)", { ids: ids.map((row) => row.id) }).getMany() : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return { total, items: ids.map((row) => byId.get(row.id)!).filter(Boolean) };
}

/** The tickets logged during each call (as logged: category, type, direct answer, articles used), for a page of calls at once. */
export async function ticketsOfCalls(db: DataSource | EntityManager, callIds: readonly string[]): Promise<Map<string, CallTicketRow[]>> {
  const rows: CallTicketRow[] = callIds.length
    ? await db.query(
        `SELECT l.call_id AS "callId", t.id, t.tracking_number AS "trackingNumber", t.title, t.request_type AS "requestType", t.status,
                t.category_id AS "categoryId", c.name_zh AS "categoryNameZh", c.name_en AS "categoryNameEn",
                t.direct_answer AS "directAnswer", t.answered_article_ids AS "answeredArticleIds", t.received_at AS "receivedAt", t.created_by AS "createdBy"
           FROM qa_call_ticket l JOIN intake_ticket t ON t.id = l.ticket_id LEFT JOIN intake_category c ON c.id = t.category_id
          WHERE l.call_id = ANY($1::text[]) ORDER BY t.received_at, t.id`,
        [callIds],
      )
    : [];
  const grouped = new Map<string, CallTicketRow[]>();
  for (const row of rows) {
    grouped.set(row.callId, [...(grouped.get(row.callId) ?? []), row]);
  }
  return grouped;
}

export type CallTicketRow = {
  callId: string;
  id: string;
  trackingNumber: string;
  title: string | null;
  requestType: string;
  status: string;
  categoryId: string;
  categoryNameZh: string | null;
  categoryNameEn: string | null;
  directAnswer: string | null;
  answeredArticleIds: string[];
  receivedAt: Date;
  createdBy: string | null;
};
