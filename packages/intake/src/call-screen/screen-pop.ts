import {
  DomainError,
  IntegratorScope,
  Role,
  User,
  ValidationError,
  assertNoFieldErrors,
  hasAnyRole,
  requireRole,
  requireScope,
  type Actor,
  type AppServices,
  type FieldError,
} from "@civicline/platform";
import { Not, In, type DataSource } from "typeorm";
import { FINISHED_STATUSES } from "../ticket/ticket-lifecycle.js";
import { phoneFor } from "../ticket/ticket-queries.js";
import { Ticket } from "../ticket/ticket.entity.js";
import { checkCharacters, normalizePhone, optionalToken } from "../ticket/ticket-validation.js";

/** Roles that may read a caller's history. */
export const CALLER_HISTORY_ROLES: readonly Role[] = [Role.OPERATOR, Role.CALLBACK_AGENT];
const SEAT = /^[A-Za-z0-9_.-]{1,32}$/;
const HISTORY_LIMIT = 20;

/** How long a call counts as still ringing: a console subscribing within it gets the pop on arrival. */
export const SCREEN_POP_RINGING_MS = 30_000;

/** The pub/sub routing key of a seat's screen-pops. */
export function screenPopTopic(seat: string): string {
  return `SCREEN_POP:${seat}`;
}

/** What travels over pub/sub (small: the history is loaded per viewer by the subscription). */
export type ScreenPopPayload = { callId: string; callerNumber: string; seat: string; receivedAt: string };
export type CallerHistory = { phone: string; tickets: Ticket[]; openCount: number };

/**
 * A caller's tickets, newest first, and how many are open. Only call-takers and callback agents see
 * the tickets themselves; others (the telephony client) get the open count alone.
 */
export async function loadCallerHistory(dataSource: DataSource, actor: Actor | null, rawPhone: string): Promise<CallerHistory> {
  const phone = normalizePhone(rawPhone);
  if (!phone) {
    return { phone: rawPhone, tickets: [], openCount: 0 };
  }
  const repo = dataSource.getRepository(Ticket);
  const openCount = await repo.count({ where: { citizenPhone: phone, status: Not(In([...FINISHED_STATUSES])) } });
  const tickets = hasAnyRole(actor, CALLER_HISTORY_ROLES)
    ? await repo.find({ where: { citizenPhone: phone }, order: { receivedAt: "DESC", id: "ASC" }, take: HISTORY_LIMIT })
    : [];
  return { phone: phoneFor(actor, phone), tickets, openCount };
}

/** The callerHistory query: a valid phone number is required. */
export async function callerHistory(dataSource: DataSource, input: { actor: Actor | null; phone: string }): Promise<CallerHistory> {
  const actor = requireRole(input.actor, CALLER_HISTORY_ROLES);
  if (!normalizePhone(input.phone ?? "")) {
    throw new ValidationError([{ field: "phone", code: "INVALID_FORMAT", message: "Enter a mainland mobile number or a landline with its area code." }]);
  }
  return loadCallerHistory(dataSource, actor, input.phone);
}

/**
 * Who sits at a seat when seats are shared between shifts: a roster kept by another domain (staff
 * QA's seats and shifts), registered at start-up so that intake does not import it. Without one, a
 * seat belongs to the call-taker whose account names it.
 */
export type SeatRoster = {
  /** The call-taker at `seat` at instant `at` (by their shift, else by their account's seat), or null. */
  occupant(db: DataSource, seat: string, at: Date): Promise<{ userId: string } | null>;
  /** The seat call-taker `userId` sits at at instant `at` (their shift's, else their account's), or null. */
  seatOf(db: DataSource, userId: string, at: Date): Promise<string | null>;
};

let seatRoster: SeatRoster | null = null;

/** Lets the module that keeps the seat roster (staff QA) decide who sits where; registered once at load. */
export function registerSeatRoster(roster: SeatRoster): void {
  seatRoster = roster;
}

/**
 * The telephony system (an integrator) reports a call ringing at a seat: the call-taker at that seat
 * now (by the roster when seats are shared, else by their account) gets a screen-pop pushed to their
 * console. An unknown seat, or a seat nobody sits at now, is BAD_USER_INPUT.
 */
export async function reportIncomingCall(
  services: Pick<AppServices, "dataSource" | "pubsub">,
  input: { actor: Actor | null; callId: string; callerNumber: string; seat: string },
): Promise<ScreenPopPayload> {
  requireRole(input.actor, [Role.INTEGRATOR]);
  requireScope(input.actor, IntegratorScope.TELEPHONY);
  const errors: FieldError[] = [];
  const callId = optionalToken(errors, "callId", input.callId, "Call id");
  if (!callId && !errors.length) {
    errors.push({ field: "callId", code: "REQUIRED", message: "Call id is required." });
  }
  if (checkCharacters(errors, "callerNumber", input.callerNumber, "Caller number") && input.callerNumber.length > 32) {
    errors.push({ field: "callerNumber", code: "TOO_LONG", message: "Caller number is at most 32 characters." });
  }
  if (checkCharacters(errors, "seat", input.seat, "Seat") && !SEAT.test(input.seat)) {
    errors.push({ field: "seat", code: "INVALID_FORMAT", message: "A seat is 1 to 32 letters, digits, dots, dashes or underscores." });
  }
  assertNoFieldErrors(errors);
  const operator = seatRoster
    ? await seatRoster.occupant(services.dataSource, input.seat, new Date())
    : await services.dataSource
        .getRepository(User)
        .createQueryBuilder("u")
        .where("u.seat = :seat AND u.active AND :role = ANY(u.roles)", { seat: input.seat, role: Role.OPERATOR })
        .getOne();
  if (!operator) {
    throw new ValidationError([{ field: "seat", code: "UNKNOWN", message: `No call-taker is assigned to seat ${input.seat}.` }]);
  }
  const callerNumber = normalizePhone(input.callerNumber) ?? input.callerNumber.trim();
  const payload: ScreenPopPayload = { callId: callId!, callerNumber, seat: input.seat, receivedAt: new Date().toISOString() };
  services.pubsub.publish(screenPopTopic(input.seat), payload);
  return payload;
}

/** The seat of the logged-in call-taker now (their shift's on a shared seat, else their account's), for the screenPop subscription. */
export async function seatOf(dataSource: DataSource, actorInput: Actor | null): Promise<string> {
  const actor = requireRole(actorInput, [Role.OPERATOR]);
  if (seatRoster && actor.kind === "staff") {
    const seat = await seatRoster.seatOf(dataSource, actor.id, new Date());
    if (seat) {
      return seat;
    }
  }
  const user = actor.kind === "staff" ? await dataSource.getRepository(User).findOne({ where: { id: actor.id } }) : null;
  if (!user?.seat) {
    throw new DomainError("INTAKE/NO_SEAT", "You are not assigned a seat, so calls cannot pop up here; ask an administrator to assign one.");
  }
  return user.seat;
}
