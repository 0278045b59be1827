import { DomainError, ForbiddenError, UnauthenticatedError, User, ValidationError, assertNoFieldErrors, hasAnyRole, recordAudit, type Actor, type FieldError } from "@civicline/platform";
import { In, type DataSource, type EntityManager } from "typeorm";
import { CALL_TAKER_ROLES, QA_AGGREGATE_READERS, QA_TEAM_ADMINS, isTeamLeadOf, qaScope, teamsLedBy, type QaScope } from "../access.js";
import { QaErrorCode, isDay, isUuid } from "../qa.errors.js";
import { QaTeamMember } from "../teams/team.entity.js";
import { QaSeat, QaShift } from "./roster.entity.js";

type Queryable = DataSource | EntityManager;

/** The longest shift the roster takes. */
export const MAX_SHIFT_HOURS = 16;
const TIME_ZONE = "Asia/Shanghai";

/**
 * Who sits at `seatCode` at instant `at`: the roster's shift covering that instant, else the
 * operator whose account names that seat (a seat that is not shared). Null when nobody does. One
 * indexed lookup (qa_shift_seat_idx); for intake's screen-pop and qa's call records.
 */
export async function resolveSeatOccupant(db: Queryable, seatCode: string, at: Date): Promise<{ userId: string; displayName: string } | null> {
  const rows: Array<{ id: string; display_name: string }> = await db.query(
    `SELECT u.id, u.display_name FROM qa_shift s JOIN platform_user u ON u.id = s.user_id
      WHERE s.seat_code = $1 AND s.starts_at <= $2 AND s.ends_at > $2 AND s.starts_at > $2::timestamptz - interval '${MAX_SHIFT_HOURS} hours'
      ORDER BY s.starts_at DESC LIMIT 1`,
    [seatCode, at],
  );
  if (rows[0]) {
    return { userId: rows[0].id, displayName: rows[0].display_name };
  }
  const fixed: Array<{ id: string; display_name: string }> = await db.query(
    `SELECT id, display_name FROM platform_user WHERE seat = $1 AND active AND 'operator' = ANY(roles) ORDER BY username LIMIT 1`,
    [seatCode],
  );
  return fixed[0] ? { userId: fixed[0].id, displayName: fixed[0].display_name } : null;
}

/**
 * The seat a call-taker sits at at instant `at` by the roster (their shift covering it), else the
 * seat their account names; null when neither. For the screen-pop subscription on shared seats.
 */
export async function currentSeatOf(db: Queryable, userId: string, at: Date): Promise<string | null> {
  const rows: Array<{ seat_code: string }> = await db.query(
    `SELECT seat_code FROM qa_shift WHERE user_id = $1 AND starts_at <= $2 AND ends_at > $2 AND starts_at > $2::timestamptz - interval '${MAX_SHIFT_HOURS} hours'
      ORDER BY starts_at DESC LIMIT 1`,
    [userId, at],
  );
  if (rows[0]) {
    return rows[0].seat_code;
  }
  const fixed: Array<{ seat: string | null }> = await db.query(`SELECT seat FROM platform_user WHERE id = $1`, [userId]);
  return fixed[0]?.seat ?? null;
}

/** The centre's seats, by code. */
export async function listSeats(db: DataSource, actor: Actor | null | undefined): Promise<QaSeat[]> {
  if (!actor) {
    throw new UnauthenticatedError();
  }
  if (actor.kind !== "staff") {
    throw new ForbiddenError("Only hotline staff see the seats.");
  }
  return db.getRepository(QaSeat).find({ order: { code: "ASC" } });
}

/** Monday of the week `day` falls in (YYYY-MM-DD). */
export function weekStartOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const offset = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
}

export type RosterWeek = {
  weekStart: string;
  teamId: string | null;
  seats: QaSeat[];
  people: Array<{ id: string; displayName: string }>;
  shifts: Array<QaShift & { displayName: string }>;
};

/**
 * A week of the roster (Monday `weekStart` 00:00 to the next Monday, centre time): the seats, the
 * people of `teamId` (or everyone rostered that week) and their shifts. Inspectors, supervisors,
 * leaders and admins see any team; a team lead their own teams; a call-taker their own team.
 */
export async function rosterWeek(db: DataSource, input: { actor: Actor | null | undefined; weekStart: string; teamId?: string | null }): Promise<RosterWeek> {
  const scope = await qaScope(db, input.actor);
  const broad = hasAnyRole(input.actor, QA_AGGREGATE_READERS);
  const own: Array<{ team_id: string }> = broad ? [] : await db.query(`SELECT team_id FROM qa_team_member WHERE user_id = $1`, [scope.actorId]);
  const visible = new Set([...scope.ledTeamIds, ...own.map((row) => row.team_id)]);
  if (!broad && visible.size === 0) {
    throw new ForbiddenError("You see the roster of your own team only.");
  }
  const errors: FieldError[] = [];
  if (!isDay(input.weekStart) || weekStartOf(input.weekStart) !== input.weekStart) {
    errors.push({ field: "weekStart", code: "INVALID_FORMAT", message: "Give the Monday the week starts on (YYYY-MM-DD)." });
  }
  if (input.teamId && !isUuid(input.teamId)) {
    errors.push({ field: "teamId", code: "INVALID_FORMAT", message: "Choose a team from the list." });
  }
  assertNoFieldErrors(errors);
  const teamId = input.teamId || null;
  if (!broad && teamId && !visible.has(teamId)) {
    throw new ForbiddenError("You see the roster of your own team only.");
  }
  const seats = await db.getRepository(QaSeat).find({ order: { code: "ASC" } });
  const range: Array<{ from: Date; to: Date }> = await db.query(
    `SELECT ($1::date)::timestamp AT TIME ZONE '${TIME_ZONE}' AS "from", (($1::date) + 7)::timestamp AT TIME ZONE '${TIME_ZONE}' AS "to"`,
    [input.weekStart],
  );
  const { from, to } = range[0]!;
  let memberIds: string[] | null = null;
  const chosenTeam = teamId ?? (broad ? null : (scope.ledTeamIds[0] ?? own[0]?.team_id ?? null));
  if (chosenTeam) {
    const members = await db.getRepository(QaTeamMember).find({ where: { teamId: chosenTeam } });
    const lead: Array<{ lead_user_id: string }> = await db.query(`SELECT lead_user_id FROM qa_team WHERE id = $1`, [chosenTeam]);
    memberIds = [...new Set([...members.map((member) => member.userId), ...lead.map((row) => row.lead_user_id)])];
  }
  const shifts: Array<{ id: string; seat_code: string; user_id: string; starts_at: Date; ends_at: Date; created_by_name: string; display_name: string }> = await db.query(
    `SELECT s.id, s.seat_code, s.user_id, s.starts_at, s.ends_at, s.created_by_name, u.display_name
       FROM qa_shift s JOIN platform_user u ON u.id = s.user_id
      WHERE s.starts_at < $2 AND s.starts_at >= $1::timestamptz - interval '${MAX_SHIFT_HOURS} hours' AND s.ends_at > $1
        ${memberIds ? "AND s.user_id = ANY($3::uuid[])" : ""}
      ORDER BY s.starts_at, s.seat_code`,
    memberIds ? [from, to, memberIds] : [from, to],
  );
  const peopleIds = memberIds ?? [...new Set(shifts.map((shift) => shift.user_id))];
  const users = peopleIds.length ? await db.getRepository(User).find({ where: { id: In(peopleIds) }, select: { id: true, displayName: true } }) : [];
  return {
    weekStart: input.weekStart,
    teamId: chosenTeam,
    seats,
    people: users.map((user) => ({ id: user.id, displayName: user.displayName })).sort((a, b) => a.displayName.localeCompare(b.displayName, "zh-CN")),
    shifts: shifts.map((row) =>
      Object.assign(new QaShift(), { id: row.id, seatCode: row.seat_code, userId: row.user_id, startsAt: row.starts_at, endsAt: row.ends_at, createdByName: row.created_by_name, displayName: row.display_name }),
    ),
  };
}

/** Only admins and team leads edit the roster (FORBIDDEN for everyone else, before any input is read). */
function requireRosterEditor(actor: Actor, scope: QaScope): void {
  if (!hasAnyRole(actor, QA_TEAM_ADMINS) && scope.ledTeamIds.length === 0) {
    throw new ForbiddenError("Only an admin or a team lead edits the roster.");
  }
}

/** Whether the actor edits `userId`'s shifts: an admin, or the lead of their team (a lead rosters themselves too). */
async function mayEditShiftsOf(db: Queryable, actor: Actor, userId: string): Promise<boolean> {
  if (hasAnyRole(actor, QA_TEAM_ADMINS)) {
    return true;
  }
  if (actor.id === userId) {
    return (await teamsLedBy(db, actor.id)).length > 0;
  }
  return isTeamLeadOf(db, actor.id, userId);
}

export type SaveShiftRequest = { id?: string | null; seatCode: string; callTakerId: string; startsAt: Date; endsAt: Date };

/**
 * A team lead (for their members and themselves) or an admin puts a call-taker on a seat for a
 * shift, or moves a shift. The seat must exist; a seat holds one person at a time and a person one
 * seat; a shift lasts at most 16 hours and ends after it starts. Audited.
 */
export async function saveShift(db: DataSource, input: { actor: Actor | null | undefined; request: SaveShiftRequest }): Promise<QaShift & { displayName: string }> {
  const scope = await qaScope(db, input.actor);
  const actor = input.actor!;
  requireRosterEditor(actor, scope);
  const { request } = input;
  const errors: FieldError[] = [];
  if (request.id && !isUuid(request.id)) {
    errors.push({ field: "id", code: "INVALID_FORMAT", message: "Choose a shift from the roster." });
  }
  if (!isUuid(request.callTakerId)) {
    errors.push({ field: "callTakerId", code: "INVALID_FORMAT", message: "Choose a call-taker from the list." });
  }
  const starts = request.startsAt instanceof Date ? request.startsAt.getTime() : Number.NaN;
  const ends = request.endsAt instanceof Date ? request.endsAt.getTime() : Number.NaN;
  if (Number.isNaN(starts)) {
    errors.push({ field: "startsAt", code: "INVALID_FORMAT", message: "Give the time the shift starts." });
  }
  if (Number.isNaN(ends)) {
    errors.push({ field: "endsAt", code: "INVALID_FORMAT", message: "Give the time the shift ends." });
  } else if (!Number.isNaN(starts) && ends <= starts) {
    errors.push({ field: "endsAt", code: "BEFORE_START", message: "A shift ends after it starts." });
  } else if (!Number.isNaN(starts) && ends - starts > MAX_SHIFT_HOURS * 3_600_000) {
    errors.push({ field: "endsAt", code: "TOO_LONG", message: `A shift lasts at most ${MAX_SHIFT_HOURS} hours.` });
  }
  assertNoFieldErrors(errors);
  if (!(await mayEditShiftsOf(db, actor, request.callTakerId))) {
    throw new ForbiddenError("Only an admin or the call-taker's team lead edits their shifts.");
  }
  const saved = await db.transaction(async (manager) => {
    const seat = await manager.getRepository(QaSeat).findOne({ where: { code: String(request.seatCode ?? "") }, lock: { mode: "pessimistic_write" } });
    if (!seat?.active) {
      errors.push({ field: "seatCode", code: "UNKNOWN", message: `There is no seat ${String(request.seatCode ?? "")}.` });
    }
    const user = await manager.getRepository(User).findOne({ where: { id: request.callTakerId } });
    if (!user?.active || !user.roles.some((role) => CALL_TAKER_ROLES.includes(role))) {
      errors.push({ field: "callTakerId", code: "UNKNOWN", message: "Choose an active call-taker." });
    }
    assertNoFieldErrors(errors);
    // One person's shifts are written one at a time (two seats cannot take the same person at once).
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('qa_shift:' || $1))`, [request.callTakerId]);
    let before: QaShift | null = null;
    if (request.id) {
      before = await manager.getRepository(QaShift).findOne({ where: { id: request.id }, lock: { mode: "pessimistic_write" } });
      if (!before || !(await mayEditShiftsOf(manager, actor, before.userId))) {
        throw new DomainError(QaErrorCode.SHIFT_NOT_FOUND, "This shift does not exist, or it is not yours to change.");
      }
    }
    const overlaps: Array<{ seat_code: string; user_id: string }> = await manager.query(
      `SELECT seat_code, user_id FROM qa_shift
        WHERE (seat_code = $1 OR user_id = $2) AND starts_at < $4 AND ends_at > $3 AND starts_at > $3::timestamptz - interval '${MAX_SHIFT_HOURS} hours'
          AND id IS DISTINCT FROM $5`,
      [seat!.code, request.callTakerId, request.startsAt, request.endsAt, request.id ?? null],
    );
    if (overlaps.some((row) => row.seat_code === seat!.code)) {
      errors.push({ field: "seatCode", code: "OVERLAP", message: `Someone else is on seat ${seat!.code} during that time.` });
    }
    if (overlaps.some((row) => row.user_id === request.callTakerId)) {
      errors.push({ field: "startsAt", code: "OVERLAP", message: `${user!.displayName} already has a shift during that time.` });
    }
    if (errors.length) {
      throw new ValidationError(errors);
    }
    const values = { seatCode: seat!.code, userId: request.callTakerId, startsAt: request.startsAt, endsAt: request.endsAt, createdByName: actor.name };
    const shift = await manager.getRepository(QaShift).save(before ? { ...before, ...values } : values);
    await recordAudit(manager, {
      actor,
      action: before ? "qa.shift.updated" : "qa.shift.created",
      entity: { type: "qa_shift", id: shift.id, label: `${seat!.code} ${user!.displayName}` },
      before,
      after: shift,
    });
    return Object.assign(shift, { displayName: user!.displayName });
  });
  return saved;
}

/** Removes a shift (its team lead or an admin). */
export async function removeShift(db: DataSource, input: { actor: Actor | null | undefined; id: string }): Promise<boolean> {
  const scope = await qaScope(db, input.actor);
  const actor = input.actor!;
  requireRosterEditor(actor, scope);
  if (!isUuid(input.id)) {
    throw new ValidationError([{ field: "id", code: "INVALID_FORMAT", message: "Choose a shift from the roster." }]);
  }
  return db.transaction(async (manager) => {
    const shift = await manager.getRepository(QaShift).findOne({ where: { id: input.id }, lock: { mode: "pessimistic_write" } });
    if (!shift || !(await mayEditShiftsOf(manager, actor, shift.userId))) {
      throw new DomainError(QaErrorCode.SHIFT_NOT_FOUND, "This shift does not exist, or it is not yours to change.");
    }
    await manager.delete(QaShift, { id: shift.id });
    await recordAudit(manager, { actor, action: "qa.shift.removed", entity: { type: "qa_shift", id: shift.id, label: shift.seatCode }, before: shift, after: null });
    return true;
  });
}
