import { SATISFACTION_SQL } from "@civicline/callback";
import type { DataSource, EntityManager } from "typeorm";
import type { CallTakerFigures } from "./assessment-formula.js";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether `month` is YYYY-MM. */
export function isMonth(month: string): boolean {
  return MONTH.test(month);
}

/** The month's bounds in Asia/Shanghai: [first day 00:00, next month's first day 00:00). */
export function monthBounds(month: string): { from: Date; to: Date } {
  const [, year, mm] = MONTH.exec(month)!;
  const next = Number(mm) === 12 ? `${Number(year) + 1}-01` : `${year}-${String(Number(mm) + 1).padStart(2, "0")}`;
  return { from: new Date(`${month}-01T00:00:00+08:00`), to: new Date(`${next}-01T00:00:00+08:00`) };
}

/** The statement behind `monthlyFigures` ($1 = from, $2 = to); exported for the plan test. */
export const MONTHLY_FIGURES_SQL = `WITH calls AS (
       SELECT call_taker_id AS id, count(*)::int AS calls, sum(talk_seconds)::float8 AS talk
         FROM qa_call
        WHERE started_at >= $1 AND started_at < $2 AND call_taker_id IS NOT NULL AND answered_at IS NOT NULL
        GROUP BY call_taker_id
     ), takers AS (
       SELECT u.id, u.display_name FROM platform_user u WHERE u.active AND 'operator' = ANY(u.roles)
       UNION
       SELECT u.id, u.display_name FROM platform_user u WHERE u.id IN (SELECT id FROM calls)
     ), inspections AS (
       SELECT call_taker_id AS id, count(*)::int AS n, sum(total)::float8 AS total
         FROM qa_inspection WHERE call_started_at >= $1 AND call_started_at < $2 GROUP BY call_taker_id
     ), tickets AS (
       SELECT created_by AS id, count(*)::int AS logged, count(*) FILTER (WHERE status = 'closed_direct')::int AS direct
         FROM intake_ticket
        WHERE created_by IN (SELECT id FROM takers) AND received_at >= $1 AND received_at < $2
        GROUP BY created_by
     ), surveys AS (
       -- the ticket's creator by a primary-key lookup per answer (a scalar subquery is never turned
       -- into a hash join over every ticket)
       SELECT x.taker_id AS id,
              count(*) FILTER (WHERE ${SATISFACTION_SQL.processAnswered})::int AS answered,
              count(*) FILTER (WHERE ${SATISFACTION_SQL.processSatisfied})::int AS satisfied
         FROM (SELECT s.*, (SELECT t.created_by FROM intake_ticket t WHERE t.id = s.ticket_id) AS taker_id
                 FROM callback_survey s WHERE s.answered_at >= $1 AND s.answered_at < $2) x
        WHERE x.taker_id IN (SELECT id FROM takers)
        GROUP BY x.taker_id
     ), appeals AS (
       SELECT call_taker_id AS id, count(*)::int AS upheld
         FROM qa_appeal WHERE state = 'UPHELD' AND decided_at >= $1 AND decided_at < $2 GROUP BY call_taker_id
     )
     SELECT k.id, k.display_name AS name, tm.id AS team_id, tm.name AS team_name,
            coalesce(i.n, 0) AS inspections, coalesce(i.total, 0) AS score_sum,
            coalesce(c.calls, 0) AS calls, coalesce(c.talk, 0) AS talk,
            coalesce(t.logged, 0) AS logged, coalesce(t.direct, 0) AS direct,
            coalesce(s.answered, 0) AS answered, coalesce(s.satisfied, 0) AS satisfied,
            coalesce(a.upheld, 0) AS upheld
       FROM takers k
       LEFT JOIN qa_team_member m ON m.user_id = k.id
       LEFT JOIN qa_team tm ON tm.id = m.team_id
       LEFT JOIN calls c ON c.id = k.id
       LEFT JOIN inspections i ON i.id = k.id
       LEFT JOIN tickets t ON t.id = k.id
       LEFT JOIN surveys s ON s.id = k.id
       LEFT JOIN appeals a ON a.id = k.id
      ORDER BY k.id`;

/**
 * Every call-taker's figures for [from, to) in one statement: the active operators and anyone who
 * took a call in the month. Each part is one grouped range read on its own index —
 * qa_call_started_idx, qa_inspection_started_idx, intake_ticket_created_by_idx,
 * callback_survey_answered_idx — never a query per call-taker. Process satisfaction uses callback's
 * SATISFACTION_SQL, the one place the definition is written.
 */
export async function monthlyFigures(db: DataSource | EntityManager, range: { from: Date; to: Date }): Promise<CallTakerFigures[]> {
  const rows: Array<{
    id: string;
    name: string;
    team_id: string | null;
    team_name: string | null;
    inspections: number;
    score_sum: number;
    calls: number;
    talk: number;
    logged: number;
    direct: number;
    answered: number;
    satisfied: number;
    upheld: number;
  }> = await db.query(
    MONTHLY_FIGURES_SQL,
    [range.from, range.to],
  );
  return rows.map((row) => ({
    callTakerId: row.id,
    name: row.name,
    teamId: row.team_id,
    teamName: row.team_name,
    inspections: row.inspections,
    scoreSum: row.score_sum,
    callsHandled: row.calls,
    talkSeconds: row.talk,
    ticketsLogged: row.logged,
    directAnswered: row.direct,
    processAnswered: row.answered,
    processSatisfied: row.satisfied,
    appealsUpheld: row.upheld,
  }));
}
