// Fast bulk generator for the measures benchmark: N tickets received over the last `days` days (three
// years by default) with what the measures read — the tickets, their assignments (current and
// returned), return requests, extensions, replies, history (received, dispatched, closed), callback
// surveys and accepted re-reports. No ticket search rows, no notes (generate.mjs makes those for the
// search and chasing benches).
//
//   import { generateYears } from "../bench/generate-years.mjs";
//   const stats = await generateYears(pool, { tickets: 10_000_000, days: 1095, workers: 2, log: console.log });
//
// How it stays fast (rows/s is printed): each chunk's attributes are computed once into a temporary
// table (one generate_series, no index probes), and every table is filled from it with one INSERT …
// SELECT; `workers` connections fill chunks side by side; triggers are off (session_replication_role
// = replica: the maintained tables are rebuilt afterwards by their own rebuild functions), commits do
// not wait for the WAL flush, and the secondary indexes of the written tables are dropped during the
// load and rebuilt once at the end. Ids are deterministic and ascending (`yearsId`).
//
// The database must be migrated; it uses the categories, townships and units there (the demo seed).

const CHANNELS = ["phone", "phone", "phone", "phone", "portal", "sms_wechat", "api", "email", "walk_in", "open311"];
const REQUEST_TYPES = ["complaint", "complaint", "help", "consultation", "consultation", "suggestion", "report", "praise", "other"];
const OPEN_STATUSES = ["received", "awaiting_dispatch", "dispatched", "signed_for", "in_progress", "in_progress", "replied", "replied", "closed", "closed"];
const SATISFACTION = ["VERY_SATISFIED", "SATISFIED", "SATISFIED", "BASICALLY_SATISFIED", "SATISFIED", "VERY_SATISFIED", "DISSATISFIED", "SATISFIED", "VERY_SATISFIED", "SATISFIED", "BASICALLY_SATISFIED", "VERY_DISSATISFIED"];

/** Tables written: their secondary (non-unique, non-constraint) indexes are dropped during the load and rebuilt after it. */
export const YEARS_TABLES = [
  "intake_ticket",
  "intake_ticket_history",
  "routing_assignment",
  "routing_assignment_unit",
  "routing_return_request",
  "callback_survey",
  "callback_re_report_proposal",
];

/**
 * SQL for the deterministic id of row `i` of a kind: ascending with i, so that the primary keys grow at
 * their right edge like a time-ordered id (random ids make every insert a random B-tree page at 10M rows).
 */
export function yearsId(kind, i) {
  const prefix = { ticket: "0001", assignment: "0002", returned: "0003", task: "0004", survey: "0005" }[kind];
  return `('0000${prefix}-0000-4000-8000-' || lpad(to_hex(${i}), 12, '0'))::uuid`;
}

const sqlArray = (values) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")}]::text[]`;

async function referenceSizes(client) {
  const { rows } = await client.query(`SELECT (SELECT count(*) FROM intake_category WHERE selectable)::int AS c,
    (SELECT count(*) FROM intake_area t JOIN intake_area d ON d.id = t.parent_id WHERE t.level = 'TOWNSHIP')::int AS a,
    (SELECT count(*) FROM routing_unit WHERE active)::int AS u`);
  const sizes = rows[0];
  if (sizes.c < 2 || sizes.a < 2 || sizes.u < 2) {
    throw new Error(`generate-years needs the demo catalogue (categories ${sizes.c}, townships ${sizes.a}, units ${sizes.u})`);
  }
  return sizes;
}

/** The session's lookup tables (a temporary table per connection: row number → id). */
async function lookups(client) {
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS y_category AS SELECT (row_number() OVER (ORDER BY code) - 1)::int AS n, id FROM intake_category WHERE selectable`);
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS y_area AS SELECT (row_number() OVER (ORDER BY t.code) - 1)::int AS n, t.parent_id AS district_id, t.id AS township_id,
    coalesce(d.name_zh, '') || t.name_zh AS name FROM intake_area t JOIN intake_area d ON d.id = t.parent_id WHERE t.level = 'TOWNSHIP'`);
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS y_unit AS SELECT (row_number() OVER (ORDER BY code) - 1)::int AS n, id FROM routing_unit WHERE active`);
}

/** One chunk [from, to] of tickets, in one transaction on `client`. */
async function generateChunk(client, { from, to, total, days, now, sizes, openFrom }) {
  await client.query("BEGIN");
  try {
    // Every attribute of the chunk's tickets, computed once. Ticket i is received at now − (total − i)/total × days (+ a minute).
    await client.query(`CREATE TEMP TABLE y_gen ON COMMIT DROP AS
      SELECT i, ${yearsId("ticket", "i")} AS id, r.at AS received_at,
        CASE WHEN i >= $3 THEN (${sqlArray(OPEN_STATUSES)})[i % ${OPEN_STATUSES.length} + 1]
             WHEN i % 100 < 58 THEN 'closed_direct' ELSE 'closed' END AS status,
        (${sqlArray(CHANNELS)})[i % ${CHANNELS.length} + 1] AS channel,
        (${sqlArray(REQUEST_TYPES)})[(i / 7) % ${REQUEST_TYPES.length} + 1] AS request_type,
        CASE WHEN i % 500 = 1 THEN 'emergency' WHEN i % 100 = 7 THEN 'urgent' ELSE 'normal' END AS urgency,
        c.id AS category_id, a.district_id, a.township_id, a.name AS place, u.id AS unit_id, u2.id AS earlier_unit_id
      FROM generate_series($1::int, $2::int) i
      CROSS JOIN LATERAL (SELECT $4::timestamptz - make_interval(secs => ($5::int - i)::double precision * $6::double precision / $5::int * 86400 + 60) AS at) r
      JOIN y_category c ON c.n = (i * 31) % ${sizes.c}
      JOIN y_area a ON a.n = (i * 17) % ${sizes.a}
      JOIN y_unit u ON u.n = (i * 11) % ${sizes.u}
      JOIN y_unit u2 ON u2.n = (i * 11 + 5) % ${sizes.u}`,
      [from, to, openFrom, now, total, days]);
    // Dispatch 2 working-ish hours after receipt (open ones recently); 5-day deadline, 3 % extended by 3 days; replies
    // after 0–6 days (one in 12 late); 4 % had an earlier assignment that the unit returned.
    await client.query(`CREATE TEMP TABLE y_asg ON COMMIT DROP AS
      SELECT g.*, ${yearsId("assignment", "g.i")} AS assignment_id,
        CASE WHEN g.status IN ('dispatched', 'signed_for', 'in_progress') THEN greatest($1::timestamptz - make_interval(days => g.i % 9), g.received_at + interval '10 minutes')
             ELSE g.received_at + interval '2 hours' END AS dispatched_at,
        CASE g.status WHEN 'dispatched' THEN 'DISPATCHED' WHEN 'signed_for' THEN 'SIGNED_FOR' WHEN 'in_progress' THEN 'SIGNED_FOR' ELSE 'REPLIED' END AS state,
        g.i % 33 = 4 AS extended, g.i % 25 = 3 AS returned_before
      FROM y_gen g WHERE g.status NOT IN ('received', 'awaiting_dispatch', 'closed_direct')`, [now]);
    const inserts = [
      `INSERT INTO intake_ticket (id, tracking_number, status, channel, request_type, urgency, category_id, title, description, district_id, township_id,
         address, citizen_name, citizen_phone, privacy, direct_answer, received_at, created_at, updated_at, version)
       SELECT id, 'ZB-' || to_char(received_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(i::text, 8, '0'), status, channel, request_type, urgency,
         category_id, '路灯不亮', place || '路灯不亮，晚上出行不便。', district_id, township_id, place || ((i % 300) + 1) || '号', '王先生',
         '1' || (30 + (i * 7) % 60) || lpad(((i % 350000)::bigint * 7919 % 100000000)::text, 8, '0'), 'none',
         CASE WHEN status = 'closed_direct' THEN '已按政策解答。' END, received_at, received_at, received_at, 1
       FROM y_gen`,
      `INSERT INTO routing_assignment (id, ticket_id, current, state, lead_unit_id, dispatched_at, dispatched_by_name, signed_for_at, signed_for_by_name,
         dispatch_minutes, sign_for_minutes, completion_minutes, near_due_percent, dispatch_due_at, sign_for_due_at, completion_due_at, near_due_at, overdue_at,
         extension_status, extension_days, extension_minutes, extension_reason, extension_requested_at, extension_decided_at,
         reply_outcome, reply_text, replied_at, replied_by_name, created_at, updated_at)
       SELECT assignment_id, id, true, state, unit_id, dispatched_at, '派单员', CASE WHEN state <> 'DISPATCHED' THEN dispatched_at + interval '1 hour' END,
         CASE WHEN state <> 'DISPATCHED' THEN '承办人' END, 240, 120, 2250, 80, received_at + interval '4 hours', dispatched_at + interval '2 hours',
         dispatched_at + CASE WHEN extended THEN interval '8 days' ELSE interval '5 days' END, dispatched_at + interval '4 days',
         CASE WHEN state <> 'REPLIED' AND dispatched_at + interval '5 days' < $1::timestamptz THEN dispatched_at + interval '5 days' END,
         CASE WHEN extended THEN 'APPROVED' END, CASE WHEN extended THEN 3 END, CASE WHEN extended THEN 1350 END, CASE WHEN extended THEN '需协调多个部门。' END,
         CASE WHEN extended THEN dispatched_at + interval '2 days' END, CASE WHEN extended THEN dispatched_at + interval '2 days 2 hours' END,
         CASE WHEN state = 'REPLIED' THEN 'RESOLVED' END, CASE WHEN state = 'REPLIED' THEN '已安排人员现场处理，问题已解决。' END,
         CASE WHEN state = 'REPLIED' THEN dispatched_at + make_interval(days => CASE WHEN i % 12 = 5 THEN 6 ELSE i % 5 END, hours => 3) END,
         CASE WHEN state = 'REPLIED' THEN '承办人' END, dispatched_at, dispatched_at
       FROM y_asg`,
      `INSERT INTO routing_assignment (id, ticket_id, current, state, lead_unit_id, dispatched_at, dispatched_by_name, dispatch_minutes, sign_for_minutes,
         completion_minutes, near_due_percent, dispatch_due_at, sign_for_due_at, completion_due_at, near_due_at, created_at, updated_at)
       SELECT ${yearsId("returned", "i")}, id, false, 'RETURNED', earlier_unit_id, dispatched_at - interval '1 hour', '派单员', 240, 120, 2250, 80,
         received_at + interval '4 hours', dispatched_at, dispatched_at + interval '5 days', dispatched_at + interval '4 days', dispatched_at - interval '1 hour', dispatched_at
       FROM y_asg WHERE returned_before`,
      `INSERT INTO routing_return_request (assignment_id, ticket_id, unit_id, reason, text, status, requested_at, requested_by_name, decided_at, decided_by_name)
       SELECT ${yearsId("returned", "i")}, id, earlier_unit_id, 'NOT_OUR_JURISDICTION', '不属于本单位职责范围。', 'ACCEPTED',
         dispatched_at - interval '30 minutes', '承办人', dispatched_at - interval '10 minutes', '派单员'
       FROM y_asg WHERE returned_before`,
      `INSERT INTO routing_assignment_unit (assignment_id, unit_id, role)
       SELECT assignment_id, unit_id, 'LEAD' FROM y_asg
       UNION ALL SELECT ${yearsId("returned", "i")}, earlier_unit_id, 'LEAD' FROM y_asg WHERE returned_before`,
      `INSERT INTO callback_survey (id, task_id, ticket_id, full_survey, channel, resolution, result_satisfaction, process_satisfaction, reasonable, answered_at,
         recorded_by_name, lead_unit_id, category_id, request_type)
       SELECT ${yearsId("survey", "i")}, ${yearsId("task", "i")}, id, true, CASE WHEN i % 9 = 0 THEN 'ONLINE' ELSE 'PHONE' END, 'RESOLVED',
         (${sqlArray(SATISFACTION)})[(i / 3) % ${SATISFACTION.length} + 1], (${sqlArray(SATISFACTION)})[(i / 5) % ${SATISFACTION.length} + 1],
         CASE WHEN i % 50 = 1 THEN false WHEN i % 9 = 0 THEN NULL ELSE true END,
         dispatched_at + make_interval(days => CASE WHEN i % 12 = 5 THEN 7 ELSE i % 5 + 1 END, hours => 5), '回访员', unit_id, category_id, request_type
       FROM y_asg WHERE status = 'closed' AND i % 3 = 0`,
      `INSERT INTO callback_re_report_proposal (ticket_id, task_id, survey_id, assignment_id, lead_unit_id, reasons, state, created_at, decided_at, decided_by_name)
       SELECT id, ${yearsId("task", "i")}, ${yearsId("survey", "i")}, assignment_id, unit_id, ARRAY['UNRESOLVED'], 'ACCEPTED',
         dispatched_at + interval '7 days', dispatched_at + interval '7 days 2 hours', '督办员'
       FROM y_asg WHERE status = 'closed' AND i % 3 = 0 AND i % 40 = 9`,
      `INSERT INTO intake_ticket_history (ticket_id, at, from_status, to_status, kind, actor_name, is_public)
       SELECT id, received_at, NULL, 'received', 'status', '话务员', true FROM y_gen
       UNION ALL SELECT id, dispatched_at, 'awaiting_dispatch', 'dispatched', 'status', '派单员', true FROM y_asg
       UNION ALL SELECT id, received_at + interval '8 minutes', 'received', 'closed_direct', 'status', '话务员', true FROM y_gen WHERE status = 'closed_direct'
       UNION ALL SELECT id, dispatched_at + make_interval(days => CASE WHEN i % 12 = 5 THEN 8 ELSE i % 5 + 2 END), 'replied', 'closed', 'status', '系统', true
         FROM y_asg WHERE status = 'closed'`,
    ];
    for (const sql of inserts) {
      await client.query(sql, sql.includes("$1") ? [now] : []);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

async function prepareSession(client) {
  await client.query(`SET session_replication_role = replica`);
  await client.query(`SET synchronous_commit = off`);
  await client.query(`SET work_mem = '128MB'`);
  await client.query(`SET temp_buffers = '256MB'`);
  await lookups(client);
}

/**
 * Generates `tickets` tickets (ids yearsId("ticket", i)) and their rows over `pool` (a pg.Pool
 * with at least `workers` connections). Returns row counts, seconds and rows/s.
 */
export async function generateYears(pool, options = {}) {
  const total = options.tickets ?? 10_000_000;
  const days = options.days ?? 1095;
  const chunk = options.chunk ?? 100_000;
  const workers = options.workers ?? 2;
  const log = options.log ?? (() => undefined);
  const now = (options.now ?? new Date()).toISOString();
  const openFrom = total - Math.floor(total * (14 / days)); // the last two weeks' tickets are still moving
  const started = performance.now();
  const admin = await pool.connect();
  const sizes = await referenceSizes(admin);
  await admin.query(`SET maintenance_work_mem = '512MB'`);
  const dropped = (
    await admin.query(
      `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
       WHERE i.indrelid = ANY($1::regclass[]) AND NOT i.indisprimary AND NOT i.indisunique
         AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
      [YEARS_TABLES],
    )
  ).rows;
  for (const index of dropped) {
    await admin.query(`DROP INDEX "${index.name}"`);
  }
  const chunks = [];
  for (let from = 1; from <= total; from += chunk) {
    chunks.push({ from, to: Math.min(total, from + chunk - 1) });
  }
  let next = 0;
  let done = 0;
  const work = async () => {
    const client = await pool.connect();
    try {
      await prepareSession(client);
      for (;;) {
        const item = chunks[next++];
        if (!item) {
          return;
        }
        await generateChunk(client, { ...item, total, days, now, sizes, openFrom });
        done += item.to - item.from + 1;
        if (done % 1_000_000 < chunk) {
          log(`${done.toLocaleString("en")} tickets generated (${((performance.now() - started) / 1000).toFixed(0)} s)`);
        }
      }
    } finally {
      await client.query(`SET session_replication_role = origin`).catch(() => undefined);
      client.release();
    }
  };
  try {
    await Promise.all(Array.from({ length: workers }, work));
  } finally {
    // The indexes are built side by side on `workers` connections (each build is one sort, CPU-bound).
    const indexStarted = performance.now();
    const queue = [...dropped];
    await Promise.all(
      Array.from({ length: workers }, async () => {
        const client = await pool.connect();
        try {
          await client.query(`SET maintenance_work_mem = '512MB'`);
          for (let index = queue.shift(); index; index = queue.shift()) {
            await client.query(index.definition.replace(/^CREATE INDEX /, "CREATE INDEX IF NOT EXISTS "));
          }
        } finally {
          client.release();
        }
      }),
    );
    log(`${dropped.length} secondary indexes rebuilt in ${((performance.now() - indexStarted) / 1000).toFixed(1)} s`);
  }
  const loadMs = performance.now() - started;
  await admin.query(`ANALYZE ${YEARS_TABLES.join(", ")}`);
  const counts = (
    await admin.query(`SELECT (SELECT count(*) FROM intake_ticket)::bigint AS tickets, (SELECT count(*) FROM routing_assignment)::bigint AS assignments,
      (SELECT count(*) FROM routing_assignment_unit)::bigint AS assignment_units, (SELECT count(*) FROM routing_return_request)::bigint AS returns,
      (SELECT count(*) FROM intake_ticket_history)::bigint AS history, (SELECT count(*) FROM callback_survey)::bigint AS surveys,
      (SELECT count(*) FROM callback_re_report_proposal)::bigint AS re_reports`)
  ).rows[0];
  admin.release();
  const rows = Object.values(counts).reduce((sum, n) => sum + Number(n), 0);
  return {
    counts: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])),
    rows,
    seconds: loadMs / 1000,
    rowsPerSecond: Math.round(rows / (loadMs / 1000)),
  };
}
