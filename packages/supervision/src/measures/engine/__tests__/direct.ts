import { SATISFIED } from "@civicline/callback";
import { loadWorkingCalendar } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { COUNTERS, NONE } from "../measure-sql.js";

/**
 * The measures computed directly from the raw tables in TypeScript — written independently of the
 * engine's SQL, from the definitions in the README — so that tests can compare the maintained
 * aggregate with it. Keyed "day|unit|category|district|township|channel|request_type".
 */
export type Cells = Map<string, Record<string, number>>;

const shanghaiDay = (at: Date | string) => new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const isSatisfied = (value: string | null) => value !== null && (SATISFIED as readonly string[]).includes(value);

export async function directAggregate(db: DataSource): Promise<Cells> {
  const calendar = await loadWorkingCalendar(db);
  const workingMs = (from: Date, to: Date) => {
    let total = 0;
    const last = calendar.dayOf(to);
    for (let day = calendar.dayOf(from); day <= last; day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) {
      for (const [start, end] of calendar.workingIntervals(day)) {
        total += Math.max(0, Math.min(end, to.getTime()) - Math.max(start, from.getTime()));
      }
    }
    return total;
  };
  type T = { id: string; status: string; channel: string; request_type: string; category_id: string; district_id: string; township_id: string | null; received_at: Date };
  type A = {
    id: string;
    ticket_id: string;
    current: boolean;
    state: string;
    lead_unit_id: string;
    dispatched_at: Date;
    replied_at: Date | null;
    completion_due_at: Date;
    overdue_at: Date | null;
    extension_status: string | null;
  };
  const tickets = (await db.query(`SELECT id, status, channel, request_type, category_id, district_id, township_id, received_at FROM intake_ticket`)) as T[];
  const assignments = (await db.query(
    `SELECT id, ticket_id, current, state, lead_unit_id, dispatched_at, replied_at, completion_due_at, overdue_at, extension_status FROM routing_assignment`,
  )) as A[];
  const returned = new Set(((await db.query(`SELECT assignment_id FROM routing_return_request`)) as Array<{ assignment_id: string }>).map((r) => r.assignment_id));
  const reReported = new Set(
    ((await db.query(`SELECT assignment_id FROM callback_re_report_proposal WHERE state = 'ACCEPTED'`)) as Array<{ assignment_id: string }>).map((r) => r.assignment_id),
  );
  const surveys = (await db.query(
    `SELECT ticket_id, full_survey, reasonable, result_satisfaction, process_satisfaction, answered_at, lead_unit_id FROM callback_survey`,
  )) as Array<{ ticket_id: string; full_survey: boolean; reasonable: boolean | null; result_satisfaction: string | null; process_satisfaction: string; answered_at: Date; lead_unit_id: string | null }>;
  const orders = (await db.query(`SELECT ticket_id, unit_id, issued_at FROM supervision_order`)) as Array<{ ticket_id: string; unit_id: string; issued_at: Date }>;

  const byId = new Map(tickets.map((t) => [t.id, t]));
  const cells: Cells = new Map();
  const add = (ticketId: string, at: Date, unit: string | null, counts: Record<string, number>) => {
    const t = byId.get(ticketId);
    if (!t) {
      return;
    }
    const key = [shanghaiDay(at), unit ?? NONE, t.category_id, t.district_id, t.township_id ?? NONE, t.channel, t.request_type].join("|");
    const cell = cells.get(key) ?? Object.fromEntries(COUNTERS.map((c) => [c, 0]));
    for (const [counter, n] of Object.entries(counts)) {
      cell[counter] = (cell[counter] ?? 0) + n;
    }
    cells.set(key, cell);
  };
  const currentLead = new Map(assignments.filter((a) => a.current).map((a) => [a.ticket_id, a.lead_unit_id]));
  for (const t of tickets) {
    add(t.id, t.received_at, currentLead.get(t.id) ?? null, {
      received: t.status === "merged" ? 0 : 1,
      direct: t.status === "closed_direct" ? 1 : 0,
      merged: t.status === "merged" ? 1 : 0,
    });
  }
  for (const a of assignments) {
    add(a.ticket_id, a.dispatched_at, a.lead_unit_id, { dispatched: 1, returned: returned.has(a.id) ? 1 : 0, extended: a.extension_status === "APPROVED" ? 1 : 0 });
    if (a.replied_at) {
      add(a.ticket_id, a.replied_at, a.lead_unit_id, {
        replied: 1,
        handling_ms: a.replied_at.getTime() - a.dispatched_at.getTime(),
        handling_work_ms: workingMs(a.dispatched_at, a.replied_at),
        rereported: reReported.has(a.id) ? 1 : 0,
      });
    }
    // the on-time rule: settled on the reply when it came by the deadline, else on the deadline (once overdue)
    if (a.state !== "RETURNED" && (a.replied_at || a.overdue_at)) {
      const onTime = a.replied_at !== null && a.replied_at.getTime() <= a.completion_due_at.getTime();
      add(a.ticket_id, onTime ? a.replied_at! : a.completion_due_at, a.lead_unit_id, { due: 1, on_time: onTime ? 1 : 0 });
    }
  }
  for (const s of surveys) {
    const reasonable = s.full_survey && s.reasonable !== false;
    add(s.ticket_id, s.answered_at, s.lead_unit_id, {
      survey_answered: s.full_survey ? 1 : 0,
      survey_reasonable: reasonable ? 1 : 0,
      result_satisfied: reasonable && isSatisfied(s.result_satisfaction) ? 1 : 0,
      process_answered: 1,
      process_satisfied: isSatisfied(s.process_satisfaction) ? 1 : 0,
    });
  }
  for (const o of orders) {
    add(o.ticket_id, o.issued_at, o.unit_id, { orders: 1 });
  }
  return nonZero(cells);
}

function nonZero(cells: Cells): Cells {
  return new Map([...cells].filter(([, counts]) => Object.values(counts).some((n) => n !== 0)).sort(([a], [b]) => a.localeCompare(b)));
}

/** The maintained aggregate in the same shape, its stripes summed (rows with every counter 0 left out). */
export async function maintainedAggregate(db: DataSource): Promise<Cells> {
  const rows = (await db.query(
    `SELECT day::text AS day, unit_id, category_id, district_id, township_id, channel, request_type, ${COUNTERS.map((c) => `sum(${c})::float8 AS ${c}`).join(", ")}
       FROM supervision_measure_day GROUP BY day, unit_id, category_id, district_id, township_id, channel, request_type`,
  )) as Array<
    Record<string, unknown>
  >;
  const cells: Cells = new Map();
  for (const row of rows) {
    const key = [row.day, row.unit_id, row.category_id, row.district_id, row.township_id, row.channel, row.request_type].join("|");
    cells.set(key, Object.fromEntries(COUNTERS.map((c) => [c, Number(row[c])])));
  }
  return nonZero(cells);
}

/** Maps as sorted entry lists, for toEqual with a readable diff. */
export const entries = (cells: Cells) => [...cells.entries()];
