import { SATISFACTION_SQL } from "@civicline/callback";
import { DEFAULT_BUSINESS_HOURS } from "@civicline/platform";

/**
 * The SQL of the measures engine, written once and used by the migration, by `rebuildMeasures`
 * (which re-installs the functions, so a rebuild always runs the current definitions) and by the
 * tests' direct computation. See packages/supervision/README.md for what every counter means.
 */

/** Stands for "none" in the aggregate's key (a ticket not dispatched has no unit; a district-level ticket no township). */
export const NONE = "00000000-0000-0000-0000-000000000000";

/** Days are Asia/Shanghai civil days. */
export const MEASURE_TIME_ZONE = "Asia/Shanghai";

export const dayOf = (column: string): string => `((${column}) AT TIME ZONE '${MEASURE_TIME_ZONE}')::date`;

/** The counters of `supervision_measure_day` / `supervision_measure_fact`, in column order. */
export const COUNTERS = [
  "received",
  "direct",
  "merged",
  "dispatched",
  "returned",
  "extended",
  "replied",
  "handling_ms",
  "handling_work_ms",
  "rereported",
  "due",
  "on_time",
  "survey_answered",
  "survey_reasonable",
  "result_satisfied",
  "process_answered",
  "process_satisfied",
  "orders",
] as const;

export type Counter = (typeof COUNTERS)[number];

/** Counters that hold milliseconds (bigint); the others are counts. */
export const MS_COUNTERS: readonly Counter[] = ["handling_ms", "handling_work_ms"];

/** The ticket-level dimensions (the ticket's current values). */
export const DIMENSIONS = ["category_id", "district_id", "township_id", "channel", "request_type"] as const;

const sqlType = (counter: Counter) => (MS_COUNTERS.includes(counter) ? "bigint" : "integer");

/** `received integer, direct integer, …` for jsonb_to_recordset and RETURNS TABLE. */
export const COUNTER_COLUMNS_DECL = COUNTERS.map((c) => `${c} ${sqlType(c)}`).join(", ");

type Part = { from: string; ticket: string; day: string; unit: string; counters: Partial<Record<Counter, string>> };

const SETTLED = "(a.replied_at IS NOT NULL OR a.overdue_at IS NOT NULL) AND a.state <> 'RETURNED'";
const ON_TIME = "(a.replied_at IS NOT NULL AND a.replied_at <= a.completion_due_at)";

/**
 * Where every counter of a ticket comes from: one row per (part, source row). `ticketCondition` is
 * applied to each part's ticket column (`= tid`, `= ANY($1)`, or `IS NOT NULL` for all).
 */
function parts(): Part[] {
  const survey = (expr: string) => `(${expr.replace(/\b(full_survey|reasonable|result_satisfaction|process_satisfaction)\b/g, "s.$1")})::int`;
  return [
    {
      // the ticket itself, on the day it was received, under its current lead unit
      from: "intake_ticket t LEFT JOIN routing_assignment cur ON cur.ticket_id = t.id AND cur.current",
      ticket: "t.id",
      day: dayOf("t.received_at"),
      unit: `coalesce(cur.lead_unit_id, '${NONE}'::uuid)`,
      counters: {
        received: "(t.status <> 'merged')::int",
        direct: "(t.status = 'closed_direct')::int",
        merged: "(t.status = 'merged')::int",
      },
    },
    {
      // every dispatch (assignment), on its dispatch day, under its lead unit
      from: "routing_assignment a",
      ticket: "a.ticket_id",
      day: dayOf("a.dispatched_at"),
      unit: "a.lead_unit_id",
      counters: {
        dispatched: "1",
        returned: "(EXISTS (SELECT 1 FROM routing_return_request r WHERE r.ticket_id = a.ticket_id AND r.assignment_id = a.id))::int",
        extended: "(a.extension_status = 'APPROVED')::int",
      },
    },
    {
      // every reply, on its day, under the unit that replied (working time from the calendar rows of
      // both days, joined: set-based, no function call per reply — the rebuild reads millions)
      from: `routing_assignment a
        LEFT JOIN supervision_measure_calendar cd ON cd.day = ${dayOf("a.dispatched_at")}
        LEFT JOIN supervision_measure_calendar cr ON cr.day = ${dayOf("a.replied_at")}`,
      ticket: "a.ticket_id",
      day: dayOf("a.replied_at"),
      unit: "a.lead_unit_id",
      counters: {
        replied: "(a.replied_at IS NOT NULL)::int",
        handling_ms: "(CASE WHEN a.replied_at IS NULL THEN 0 ELSE floor(extract(epoch FROM a.replied_at - a.dispatched_at) * 1000) END)::bigint",
        handling_work_ms: `(CASE WHEN a.replied_at IS NULL OR a.replied_at <= a.dispatched_at THEN 0
          ELSE greatest(0, coalesce(${workClockSql("cr", "a.replied_at")} - ${workClockSql("cd", "a.dispatched_at")}, 0)) END)::bigint`,
        // (index callback_re_report_proposal_accepted_idx, migration MeasuresProposals)
        rereported: "(a.replied_at IS NOT NULL AND EXISTS (SELECT 1 FROM callback_re_report_proposal p WHERE p.assignment_id = a.id AND p.state = 'ACCEPTED'))::int",
      },
    },
    {
      // the one on-time rule: an assignment counts once, on its settlement day = the reply when it
      // came by the (extended) deadline, else the deadline (once the overdue timer marked it)
      from: "routing_assignment a",
      ticket: "a.ticket_id",
      day: dayOf(`CASE WHEN ${ON_TIME} THEN a.replied_at ELSE a.completion_due_at END`),
      unit: "a.lead_unit_id",
      counters: {
        due: `(${SETTLED})::int`,
        on_time: `(${SETTLED} AND ${ON_TIME})::int`,
      },
    },
    {
      // callback answers, on the day they were given, under the surveyed lead unit (callback's definitions)
      from: "callback_survey s",
      ticket: "s.ticket_id",
      day: dayOf("s.answered_at"),
      unit: `coalesce(s.lead_unit_id, '${NONE}'::uuid)`,
      counters: {
        survey_answered: survey(SATISFACTION_SQL.answered),
        survey_reasonable: survey(SATISFACTION_SQL.reasonableAnswered),
        result_satisfied: survey(SATISFACTION_SQL.resultSatisfied),
        process_answered: survey(SATISFACTION_SQL.processAnswered),
        process_satisfied: survey(SATISFACTION_SQL.processSatisfied),
      },
    },
    {
      // supervision orders, on the day they were issued, under the unit they were addressed to
      from: "supervision_order o",
      ticket: "o.ticket_id",
      day: dayOf("o.issued_at"),
      unit: "o.unit_id",
      counters: { orders: "1" },
    },
  ];
}

/**
 * SELECT ticket_id, day, unit_id, <counters> — a ticket's facts, grouped by day and unit, rows with
 * every counter 0 left out. `ticketCondition` e.g. `= tid`.
 */
export function factsSql(ticketCondition: string): string {
  const union = parts()
    .map((part) => {
      const columns = COUNTERS.map((c) => `coalesce(${part.counters[c] ?? "0"}, 0) AS ${c}`).join(", ");
      return `SELECT ${part.ticket} AS ticket_id, ${part.day} AS day, ${part.unit} AS unit_id, ${columns} FROM ${part.from} WHERE ${part.ticket} ${ticketCondition}`;
    })
    .join("\n    UNION ALL\n    ");
  const sums = COUNTERS.map((c) => `sum(x.${c})::${sqlType(c)} AS ${c}`).join(", ");
  const nonZero = COUNTERS.map((c) => `sum(x.${c}) <> 0`).join(" OR ");
  return `SELECT x.ticket_id, x.day, x.unit_id, ${sums} FROM (
    ${union}
  ) x WHERE x.day IS NOT NULL GROUP BY x.ticket_id, x.day, x.unit_id HAVING ${nonZero}`;
}

/** The dimension values of tickets, `coalesce`d to NONE: SELECT t.id AS ticket_id, category_id, … */
export function dimensionsSql(ticketCondition: string): string {
  return `SELECT t.id AS ticket_id, t.category_id, t.district_id, coalesce(t.township_id, '${NONE}'::uuid) AS township_id, t.channel, t.request_type
    FROM intake_ticket t WHERE t.id ${ticketCondition}`;
}

function clockMinutes(clock: string): number {
  const [hours, minutes] = clock.split(":");
  return Number(hours) * 60 + Number(minutes);
}

/** Working ms in a working day with the default business hours (08:30–12:00, 13:30–17:30: 7.5 h). */
export const WORKING_DAY_MS = DEFAULT_BUSINESS_HOURS.reduce((sum, i) => sum + (clockMinutes(i.end) - clockMinutes(i.start)) * 60_000, 0);

/** Working ms elapsed on a working day up to the local time-of-day `msOfDay` (an SQL expression). */
function partialDaySql(msOfDay: string): string {
  return DEFAULT_BUSINESS_HOURS.map((i) => {
    const start = clockMinutes(i.start) * 60_000;
    const end = clockMinutes(i.end) * 60_000;
    return `greatest(0, least(${msOfDay}, ${end}) - ${start})`;
  }).join(" + ");
}

/**
 * Cumulative working ms at instant `at`, given `c`, its day's supervision_measure_calendar row (the same
 * as `supervision_measure_work_clock(at)`, for joins): null when the calendar has no row for that day.
 */
function workClockSql(c: string, at: string): string {
  const msOfDay = `floor(extract(epoch FROM (${at} AT TIME ZONE '${MEASURE_TIME_ZONE}')::time) * 1000)::bigint`;
  return `(${c}.before_ms + CASE WHEN ${c}.working THEN (${partialDaySql(msOfDay)})::bigint ELSE 0 END)`;
}

/**
 * Stripes of the cube and its roll-ups: every row of them has a `stripe` key column, and a writing
 * transaction adds into a stripe no other open transaction holds, so that concurrent ticket changes of
 * the same day, unit, category and area never update one row (row locks are held until COMMIT: one
 * shared row makes them queue, and with other counters deadlock). The stripe is claimed by
 * `supervision_measure_stripe()` with a transaction-scoped advisory lock (released at COMMIT, exactly
 * when the row locks are), the lowest free one first, so an uncontended writer uses stripe 0 and a cell
 * has as many rows as writers that overlapped on it. With more than MEASURE_STRIPES concurrent writers
 * the rest share by pg_backend_pid() (correct, they may wait). The rebuild writes stripe 0; every read
 * sums over the stripes (SUM … GROUP BY the dimensions).
 */
export const MEASURE_STRIPES = 16;

/** The stripe of the current transaction (an SQL expression). */
export const STRIPE_SQL = "supervision_measure_stripe()";

/** The function behind STRIPE_SQL (its choice is kept in a transaction-local setting). */
export function stripeFunctionSql(): string {
  return `CREATE OR REPLACE FUNCTION supervision_measure_stripe() RETURNS smallint LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        held text := current_setting('civicline.measure_stripe', true);
        chosen smallint;
      BEGIN
        IF held IS NOT NULL AND held <> '' THEN RETURN held::smallint; END IF;
        FOR s IN 0..${MEASURE_STRIPES - 1} LOOP
          IF pg_try_advisory_xact_lock(hashtext('supervision_measure_stripe'), s) THEN
            chosen := s;
            EXIT;
          END IF;
        END LOOP;
        chosen := coalesce(chosen, pg_backend_pid() % ${MEASURE_STRIPES});
        PERFORM set_config('civicline.measure_stripe', chosen::text, true);
        RETURN chosen;
      END $fn$`;
}

/**
 * The functions and triggers; `CREATE OR REPLACE` throughout so that a rebuild re-installs the current
 * definitions. `striped: false` gives the refresh from before the cube had stripes (migration
 * MeasureStripes' down).
 */
export function installSql(options: { striped?: boolean } = {}): string[] {
  const striped = options.striped ?? true;
  const counterList = COUNTERS.join(", ");
  const dims = DIMENSIONS.join(", ");
  const key = `day, unit_id, ${dims}`;
  const conflictKey = striped ? `${key}, stripe` : key;
  const signed = (alias: string, sign: string) => COUNTERS.map((c) => `${sign}${alias}.${c} AS ${c}`).join(", ");
  return [
    stripeFunctionSql(),
    // cumulative working time at an instant: working ms of every calendar day before it + the part of its own day
    `CREATE OR REPLACE FUNCTION supervision_measure_work_clock(at timestamptz) RETURNS bigint LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
      SELECT c.before_ms + CASE WHEN c.working THEN (${partialDaySql("x.ms")})::bigint ELSE 0 END
      FROM supervision_measure_calendar c,
           (SELECT floor(extract(epoch FROM (at AT TIME ZONE '${MEASURE_TIME_ZONE}')::time) * 1000)::bigint AS ms) x
      WHERE c.day = ${dayOf("at")}
    $fn$`,
    `CREATE OR REPLACE FUNCTION supervision_measure_working_ms(from_at timestamptz, to_at timestamptz) RETURNS bigint LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
      SELECT CASE WHEN to_at <= from_at THEN 0 ELSE greatest(0, coalesce(supervision_measure_work_clock(to_at) - supervision_measure_work_clock(from_at), 0)) END
    $fn$`,
    `CREATE OR REPLACE FUNCTION supervision_measure_facts(tid uuid) RETURNS TABLE (ticket_id uuid, day date, unit_id uuid, ${COUNTER_COLUMNS_DECL})
      LANGUAGE sql STABLE AS $fn$ ${factsSql("= tid")} ORDER BY 2, 3 $fn$`,
    // Recomputes one ticket's facts from the raw tables and moves the difference into the day
    // aggregate. The ticket's row in supervision_measure_ticket is locked first, so two
    // transactions changing one ticket take turns, and the second recomputes from a snapshot taken
    // after the first committed (READ COMMITTED: every statement here takes a new snapshot).
    // The aggregate only ever receives += deltas (INSERT … ON CONFLICT DO UPDATE), in key order, into
    // this transaction's stripe (STRIPE_SQL): a concurrent writer on another connection updates other rows.
    `CREATE OR REPLACE FUNCTION supervision_measure_refresh(tid uuid) RETURNS void LANGUAGE plpgsql AS $fn$
      DECLARE
        old_dims record;
        new_dims record;
        old_facts jsonb;
        new_facts jsonb;
      BEGIN
        IF tid IS NULL THEN RETURN; END IF;
        INSERT INTO supervision_measure_ticket (ticket_id) VALUES (tid) ON CONFLICT DO NOTHING;
        SELECT m.category_id, m.district_id, m.township_id, m.channel, m.request_type INTO old_dims
          FROM supervision_measure_ticket m WHERE m.ticket_id = tid FOR UPDATE;
        SELECT d.category_id, d.district_id, d.township_id, d.channel, d.request_type INTO new_dims FROM (${dimensionsSql("= tid")}) d;
        SELECT coalesce(jsonb_agg(to_jsonb(f) - 'ticket_id' ORDER BY f.day, f.unit_id), '[]'::jsonb) INTO new_facts FROM supervision_measure_facts(tid) f;
        SELECT coalesce(jsonb_agg(to_jsonb(f) - 'ticket_id' ORDER BY f.day, f.unit_id), '[]'::jsonb) INTO old_facts
          FROM (SELECT ticket_id, day, unit_id, ${counterList} FROM supervision_measure_fact WHERE ticket_id = tid) f;
        IF old_facts = new_facts AND old_dims IS NOT DISTINCT FROM new_dims THEN
          RETURN;
        END IF;
        INSERT INTO supervision_measure_day AS g (${conflictKey}, ${counterList})
        SELECT ${key}, ${striped ? `${STRIPE_SQL}, ` : ""}${COUNTERS.map((c) => `sum(${c})`).join(", ")}
        FROM (
          SELECT o.day, o.unit_id, ${DIMENSIONS.map((d) => `old_dims.${d} AS ${d}`).join(", ")}, ${signed("o", "-")}
            FROM jsonb_to_recordset(old_facts) AS o(day date, unit_id uuid, ${COUNTER_COLUMNS_DECL}) WHERE old_dims.category_id IS NOT NULL
          UNION ALL
          SELECT n.day, n.unit_id, ${DIMENSIONS.map((d) => `new_dims.${d} AS ${d}`).join(", ")}, ${signed("n", "")}
            FROM jsonb_to_recordset(new_facts) AS n(day date, unit_id uuid, ${COUNTER_COLUMNS_DECL}) WHERE new_dims.category_id IS NOT NULL
        ) delta
        GROUP BY ${key}
        HAVING ${COUNTERS.map((c) => `sum(${c}) <> 0`).join(" OR ")}
        ORDER BY ${key}
        ON CONFLICT (${conflictKey}) DO UPDATE SET ${COUNTERS.map((c) => `${c} = g.${c} + EXCLUDED.${c}`).join(", ")};
        DELETE FROM supervision_measure_fact WHERE ticket_id = tid;
        INSERT INTO supervision_measure_fact (ticket_id, day, unit_id, ${counterList})
          SELECT tid, n.day, n.unit_id, ${COUNTERS.map((c) => `n.${c}`).join(", ")} FROM jsonb_to_recordset(new_facts) AS n(day date, unit_id uuid, ${COUNTER_COLUMNS_DECL});
        UPDATE supervision_measure_ticket SET ${DIMENSIONS.map((d) => `${d} = new_dims.${d}`).join(", ")} WHERE ticket_id = tid;
      END $fn$`,
    `CREATE OR REPLACE FUNCTION supervision_measure_on_ticket() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'DELETE' THEN PERFORM supervision_measure_refresh(OLD.id); ELSE PERFORM supervision_measure_refresh(NEW.id); END IF;
        RETURN NULL;
      END $fn$`,
    `CREATE OR REPLACE FUNCTION supervision_measure_on_child() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM supervision_measure_refresh(OLD.ticket_id);
        ELSE
          PERFORM supervision_measure_refresh(NEW.ticket_id);
          IF TG_OP = 'UPDATE' AND OLD.ticket_id IS DISTINCT FROM NEW.ticket_id THEN PERFORM supervision_measure_refresh(OLD.ticket_id); END IF;
        END IF;
        RETURN NULL;
      END $fn$`,
  ];
}

/** Tables whose rows feed the measures (ticket_id column), besides intake_ticket itself. */
export const CHILD_TABLES = ["routing_assignment", "routing_return_request", "callback_survey", "callback_re_report_proposal", "supervision_order"] as const;

/**
 * The columns the facts are computed from, per table: an UPDATE that changes none of them (a
 * follow-up count, a sign-for, a note, a version bump …) does not fire the recomputation.
 */
export const WATCHED_COLUMNS: Record<"intake_ticket" | (typeof CHILD_TABLES)[number], readonly string[]> = {
  intake_ticket: ["id", "status", "channel", "request_type", "category_id", "district_id", "township_id", "received_at"],
  routing_assignment: ["ticket_id", "current", "state", "lead_unit_id", "dispatched_at", "replied_at", "completion_due_at", "overdue_at", "extension_status"],
  routing_return_request: ["ticket_id", "assignment_id"],
  callback_survey: ["ticket_id", "full_survey", "reasonable", "result_satisfaction", "process_satisfaction", "answered_at", "lead_unit_id"],
  callback_re_report_proposal: ["ticket_id", "assignment_id", "state"],
  supervision_order: ["ticket_id", "unit_id", "issued_at"],
};

const changed = (columns: readonly string[]) => `(${columns.map((c) => `OLD.${c}`).join(", ")}) IS DISTINCT FROM (${columns.map((c) => `NEW.${c}`).join(", ")})`;

/** Per table: one trigger for inserts and deletes, one for updates of a watched column. */
export function triggerSql(): string[] {
  const tables = [["intake_ticket", "ticket", "supervision_measure_on_ticket"] as const, ...CHILD_TABLES.map((t) => [t, t, "supervision_measure_on_child"] as const)];
  return tables.flatMap(([table, name, fn]) => [
    `CREATE TRIGGER supervision_measure_${name} AFTER INSERT OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
    `CREATE TRIGGER supervision_measure_${name}_update AFTER UPDATE ON ${table} FOR EACH ROW WHEN (${changed(WATCHED_COLUMNS[table])}) EXECUTE FUNCTION ${fn}()`,
  ]);
}

export function dropTriggerSql(): string[] {
  const tables = [["intake_ticket", "ticket"] as const, ...CHILD_TABLES.map((t) => [t, t] as const)];
  return tables.flatMap(([table, name]) => [`DROP TRIGGER IF EXISTS supervision_measure_${name} ON ${table}`, `DROP TRIGGER IF EXISTS supervision_measure_${name}_update ON ${table}`]);
}
