import { Role, assertNoFieldErrors, recordEvent, requireRole, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { requireLeaderAccount } from "./leader-accounts.js";
import { seatBusy, unknownSeat } from "./leader.errors.js";
import { LeaderEvent } from "./leader.events.js";
import { LeaderSession } from "./leader-session.entity.js";
import { LEADER_LIMITS, SEAT, checkedDate, checkedText, isUuid } from "./leader-validation.js";

/** Who schedules leader sessions and assigns matters to leaders. */
export const LEADER_SCHEDULERS: readonly Role[] = [Role.SUPERVISOR, Role.ADMIN];

/** A session lasts at most this long. */
const MAX_SESSION_MS = 12 * 3600_000;

export type ScheduleLeaderSessionRequest = {
  leaderId: string;
  seat: string;
  startsAt: Date;
  endsAt: Date;
  leaderTitle: string;
  leaderUnit: string;
};

function validate(input: ScheduleLeaderSessionRequest, now: Date) {
  const errors: FieldError[] = [];
  if (!isUuid(input.leaderId)) {
    errors.push({ field: "leaderId", code: "UNKNOWN", message: "Choose an active leader account from the list." });
  }
  const seat = String(input.seat ?? "").trim();
  if (!SEAT.test(seat)) {
    errors.push({ field: "seat", code: "INVALID_FORMAT", message: "A seat is 1 to 32 letters, digits, dots, dashes or underscores, e.g. A01." });
  }
  const leaderTitle = checkedText(errors, "leaderTitle", input.leaderTitle, { required: true, max: LEADER_LIMITS.title, label: "The leader's title", kind: "line" });
  const leaderUnit = checkedText(errors, "leaderUnit", input.leaderUnit, { required: true, max: LEADER_LIMITS.unit, label: "The leader's unit", kind: "line" });
  const startsAt = checkedDate(errors, "startsAt", input.startsAt, "The start");
  const endsAt = checkedDate(errors, "endsAt", input.endsAt, "The end");
  if (startsAt && endsAt) {
    if (endsAt.getTime() <= startsAt.getTime()) {
      errors.push({ field: "endsAt", code: "BEFORE_START", message: "The session must end after it starts." });
    } else if (endsAt.getTime() - startsAt.getTime() > MAX_SESSION_MS) {
      errors.push({ field: "endsAt", code: "TOO_LONG", message: "A session lasts at most 12 hours." });
    } else if (endsAt.getTime() <= now.getTime()) {
      errors.push({ field: "endsAt", code: "IN_THE_PAST", message: "This session would already be over; choose a time from now on." });
    }
  }
  assertNoFieldErrors(errors);
  return { seat, leaderTitle: leaderTitle!, leaderUnit: leaderUnit!, startsAt: startsAt!, endsAt: endsAt! };
}

/**
 * A supervisor or admin schedules a leader session (领导坐班接听) at a seat in use: the leader
 * must be an active LEADER account (SUPERVISION/NOT_A_LEADER) and no other session may overlap it
 * at that seat (SUPERVISION/SEAT_BUSY; checked under a per-seat lock). Event
 * `supervision.leader_session_scheduled`.
 */
export async function scheduleLeaderSession(options: { db: DataSource; actor: Actor | null; input: ScheduleLeaderSessionRequest; now?: Date }): Promise<LeaderSession> {
  const actor = requireRole(options.actor, LEADER_SCHEDULERS);
  const clean = validate(options.input, options.now ?? new Date());
  return options.db.transaction(async (manager) => {
    const leader = await requireLeaderAccount(manager, options.input.leaderId, "leaderId");
    const seated: unknown[] = await manager.query("SELECT 1 FROM platform_user WHERE seat = $1 AND active LIMIT 1", [clean.seat]);
    if (seated.length === 0) {
      throw unknownSeat(clean.seat);
    }
    await manager.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`supervision.leader-seat:${clean.seat}`]);
    const overlapping: unknown[] = await manager.query(
      "SELECT 1 FROM supervision_leader_session WHERE seat = $1 AND starts_at < $3 AND ends_at > $2 LIMIT 1",
      [clean.seat, clean.startsAt, clean.endsAt],
    );
    if (overlapping.length > 0) {
      throw seatBusy();
    }
    const session = manager.create(LeaderSession, { ...clean, leaderId: leader.id, leaderName: leader.displayName, createdByName: actor.name });
    await manager.save(session);
    await recordEvent(manager, { type: LeaderEvent.SESSION_SCHEDULED, payload: { sessionId: session.id, leaderId: leader.id }, actorId: actor.id });
    return session;
  });
}

