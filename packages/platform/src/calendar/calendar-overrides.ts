import { Between, DataSource, LessThanOrEqual, MoreThanOrEqual, type EntityManager, type FindOptionsWhere } from "typeorm";
import { requireRole, type Actor } from "../auth/actor.js";
import { Role } from "../auth/roles.js";
import { assertNoFieldErrors, type FieldError } from "../errors.js";
import { recordEvent } from "../events/events.js";
import { normalizeText } from "../text.js";
import { CalendarOverride } from "./calendar-override.entity.js";
import { WorkingCalendar, type WorkingCalendarOptions } from "./working-calendar.js";
import { isValidDay } from "./zoned-time.js";

/**
 * Recorded when an admin sets or removes an override, so that domains holding deadlines computed
 * with the old calendar can decide whether to recompute them. Payload: `{ day, working | null }`.
 */
export const CALENDAR_OVERRIDE_CHANGED = "platform.calendar_override_changed";

const NOTE_MAX = 200;

type OverrideRow = { day: string; working: boolean; note: string; updated_by: string; updated_at: Date };

function toEntity(row: OverrideRow): CalendarOverride {
  return Object.assign(new CalendarOverride(), {
    day: row.day,
    working: row.working,
    note: row.note,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  });
}

function checkDay(day: string, fields: FieldError[]): void {
  if (!isValidDay(day)) {
    fields.push({ field: "day", code: "INVALID_FORMAT", message: "Enter the day as YYYY-MM-DD." });
  }
}

/**
 * Declares a day working or non-working (admins only), replacing any earlier override of that day.
 * Must run inside a transaction: the change and its event commit together.
 */
export async function setCalendarOverride(
  manager: EntityManager,
  input: { day: string; working: boolean; note?: string | null; actor: Actor | null | undefined },
): Promise<CalendarOverride> {
  const actor = requireRole(input.actor, [Role.ADMIN]);
  const note = normalizeText(input.note ?? "");
  const fields: FieldError[] = [];
  checkDay(input.day, fields);
  if (note.length > NOTE_MAX) {
    fields.push({ field: "note", code: "TOO_LONG", message: `Keep the note under ${NOTE_MAX} characters.` });
  }
  assertNoFieldErrors(fields);
  const [row] = (await manager.query(
    `INSERT INTO platform_calendar_override (day, working, note, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (day) DO UPDATE
       SET working = EXCLUDED.working, note = EXCLUDED.note, updated_by = EXCLUDED.updated_by, updated_at = now()
     RETURNING to_char(day, 'YYYY-MM-DD') AS day, working, note, updated_by, updated_at`,
    [input.day, input.working, note, actor.id],
  )) as OverrideRow[];
  await recordEvent(manager, { type: CALENDAR_OVERRIDE_CHANGED, payload: { day: input.day, working: input.working }, actorId: actor.id });
  return toEntity(row!);
}

/** Removes an admin override (admins only) so the official data applies again; false if there was none. */
export async function removeCalendarOverride(
  manager: EntityManager,
  input: { day: string; actor: Actor | null | undefined },
): Promise<boolean> {
  const actor = requireRole(input.actor, [Role.ADMIN]);
  const fields: FieldError[] = [];
  checkDay(input.day, fields);
  assertNoFieldErrors(fields);
  const deleted = (await manager.query(
    // Wrapped in a SELECT: TypeORM returns [rows, count] for a bare DELETE.
    "WITH gone AS (DELETE FROM platform_calendar_override WHERE day = $1 RETURNING day) SELECT day FROM gone",
    [input.day],
  )) as unknown[];
  if (deleted.length === 0) {
    return false;
  }
  await recordEvent(manager, { type: CALENDAR_OVERRIDE_CHANGED, payload: { day: input.day, working: null }, actorId: actor.id });
  return true;
}

/** The overrides in a range of days (both ends inclusive, either optional), oldest first. */
export async function listCalendarOverrides(
  manager: EntityManager,
  range: { from?: string; to?: string } = {},
): Promise<CalendarOverride[]> {
  let where: FindOptionsWhere<CalendarOverride> = {};
  if (range.from && range.to) {
    where = { day: Between(range.from, range.to) };
  } else if (range.from) {
    where = { day: MoreThanOrEqual(range.from) };
  } else if (range.to) {
    where = { day: LessThanOrEqual(range.to) };
  }
  return manager.getRepository(CalendarOverride).find({ where, order: { day: "ASC" } });
}

/** Calendars built lately, by what they were built from (options and overrides): they are pure, so equal inputs share one. */
const builtCalendars = new Map<string, WorkingCalendar>();
const BUILT_CALENDARS_LIMIT = 16;

/**
 * The working calendar with every admin override from the database (a small table: one row per
 * exceptional day). The overrides are read on every call, so an override applies at once; a
 * calendar built from the very same options and overrides before is reused, with the days' working
 * intervals and running totals it has already worked out (a page of deadlines then costs no
 * time-zone arithmetic per row).
 */
export async function loadWorkingCalendar(
  source: DataSource | EntityManager,
  options: Omit<WorkingCalendarOptions, "overrides"> = {},
): Promise<WorkingCalendar> {
  const manager = source instanceof DataSource ? source.manager : source;
  const overrides = await listCalendarOverrides(manager);
  const key = JSON.stringify([options.timeZone ?? null, options.businessHours ?? null, options.holidays ?? null, overrides.map((o) => [o.day, o.working, o.note ?? null])]);
  let calendar = builtCalendars.get(key);
  if (!calendar) {
    calendar = new WorkingCalendar({ ...options, overrides });
    if (builtCalendars.size >= BUILT_CALENDARS_LIMIT) {
      builtCalendars.delete(builtCalendars.keys().next().value!);
    }
    builtCalendars.set(key, calendar);
  }
  return calendar;
}
