import { loadWorkingCalendar } from "@civicline/platform";
import type { EntityManager } from "typeorm";
import { WORKING_DAY_MS } from "./measure-sql.js";

export const CALENDAR_FIRST_DAY = "2010-01-01";
export const CALENDAR_LAST_DAY = "2049-12-31";

function* days(from: string, to: string): Generator<string> {
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    yield new Date(t).toISOString().slice(0, 10);
  }
}

/**
 * Brings supervision_measure_calendar in line with the working calendar (official data + admin
 * overrides): every day 2010–2049, working or not, and the working ms before it. Only rows that
 * differ are written. Returns the first and last day whose working status changed (null: none), so
 * that the caller can recompute the tickets whose handling time spans them.
 */
export async function syncMeasureCalendar(manager: EntityManager): Promise<{ firstChanged: string | null; lastChanged: string | null }> {
  const calendar = await loadWorkingCalendar(manager);
  const allDays: string[] = [];
  const working: boolean[] = [];
  const before: string[] = [];
  let sum = 0;
  for (const day of days(CALENDAR_FIRST_DAY, CALENDAR_LAST_DAY)) {
    const isWorking = calendar.isWorkingDay(day);
    allDays.push(day);
    working.push(isWorking);
    before.push(String(sum));
    sum += isWorking ? WORKING_DAY_MS : 0;
  }
  const changed = (await manager.query(
    `WITH wanted AS (SELECT * FROM unnest($1::date[], $2::boolean[], $3::bigint[]) AS w(day, working, before_ms)),
          old AS (SELECT c.day, c.working FROM supervision_measure_calendar c),
          upsert AS (
            INSERT INTO supervision_measure_calendar AS c (day, working, before_ms) SELECT day, working, before_ms FROM wanted
            ON CONFLICT (day) DO UPDATE SET working = EXCLUDED.working, before_ms = EXCLUDED.before_ms
            WHERE (c.working, c.before_ms) IS DISTINCT FROM (EXCLUDED.working, EXCLUDED.before_ms))
     SELECT min(w.day)::text AS first, max(w.day)::text AS last
       FROM wanted w LEFT JOIN old o ON o.day = w.day WHERE o.working IS DISTINCT FROM w.working`,
    [allDays, working, before],
  )) as Array<{ first: string | null; last: string | null }>;
  return { firstChanged: changed[0]?.first ?? null, lastChanged: changed[0]?.last ?? null };
}
