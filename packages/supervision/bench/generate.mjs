// Bulk generator of tickets with their history and assignments, for the supervision benches (ticket
// search, chasing lists, the leader's page). Everything is INSERT … SELECT generate_series, one
// chunk per statement, never one request at a time. Reusable:
//
//   import { generateTickets } from "../bench/generate.mjs";
//   const stats = await generateTickets(pgClient, { tickets: 1_000_000, log: console.log });
//
// The database must be migrated (platform, intake, routing, callback, supervision). Categories,
// areas and units already there (the demo seed) are used; synthetic ones are added when missing.
// Ids are deterministic: ticket i has id benchTicketId(i) = md5('bench-ticket-' || i)::uuid.
// Triggers are off while generating (session_replication_role = replica); the ticket search rows
// and the intake queue counters are then built set-based with the same functions the triggers call.
//
// What is generated (N tickets received over the last `days` days, newest last):
// - the oldest 97 % are closed (5 % closed directly, without assignment);
// - the newest 3 % are spread over received, awaiting dispatch, dispatched, signed for, in progress,
//   replied and closed; a third of the open assignments are past their completion deadline and
//   another third past their near-due point;
// - every dispatched ticket has a current assignment (lead unit, 10 % with an assisting unit), 4 %
//   an earlier assignment that was returned (with its accepted return request), 2.5 % of closed
//   tickets an accepted re-report; 20 % of assignments a progress note; replies on replied tickets;
// - history: received, dispatched (when dispatched) and the last status step (3 rows on average);
// - 1 % urgent, 0.2 % emergency; callers repeat (350,000 distinct phones per million tickets).

const SUBJECTS = ["路灯", "井盖", "垃圾", "噪音", "停水", "供暖", "物业", "违章停车", "占道经营", "绿化", "公交站牌", "下水道", "电动车充电", "广场舞", "油烟", "违法建设", "拖欠工资", "医保报销", "社保卡", "学校收费"];
const PROBLEMS = ["不亮", "破损", "无人清理", "扰民", "多日未恢复", "温度不够", "收费不合理", "堵塞", "影响通行", "存在安全隐患", "反复出现", "无人处理"];
const DETAILS = ["希望尽快处理。", "已经持续一周了。", "老人孩子出行很不方便。", "多次反映没有结果。", "请相关部门现场查看。", "晚上尤其严重。", "附近居民意见很大。", "希望给个答复。"];
const STREETS = ["人民路", "柳泉路", "华光路", "共青团路", "张周路", "新村西路", "北京路", "联通路", "西五路", "鲁泰大道"];
const NAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
const REPLIES = ["已安排人员现场处理，问题已解决。", "经核查，已责令整改并复查合格。", "已向市民解释相关政策。", "维修材料已到位，已完成维修。", "联系物业公司限期整改。"];
const NOTES = ["已联系市民了解情况。", "已派人员到现场查看。", "需协调相关部门共同处理。", "已约谈责任单位。", "Street lights replaced on site."];
const CHANNELS = ["phone", "phone", "phone", "portal", "sms_wechat", "api", "email", "walk_in", "open311"];
const REQUEST_TYPES = ["complaint", "complaint", "help", "consultation", "suggestion", "report", "praise", "other"];
const OPEN_STATUSES = ["received", "awaiting_dispatch", "dispatched", "signed_for", "in_progress", "in_progress", "replied", "replied", "closed", "closed"];

/** The tables the generator writes: their secondary indexes are dropped during the load and rebuilt after it. */
const BULK_TABLES = [
  "intake_ticket",
  "intake_ticket_history",
  "routing_assignment",
  "routing_assignment_unit",
  "routing_return_request",
  "routing_progress_note",
  "callback_re_report_proposal",
  "supervision_ticket_search",
];

const HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
const RUNS = new RegExp(`[${HAN}]+|[a-z0-9]+`, "gu");
const IS_HAN = new RegExp(`^[${HAN}]`, "u");

/**
 * The tsvector (as text) that `supervision_search_vector` makes of a document already NFKC-normalised and
 * lower-cased: Han runs as their overlapping bigrams (a lone character itself), letter/digit runs as
 * words (at most 100 characters), numbered 1, 2, … in order (at most 16383). Computed here so that a
 * million documents are tokenised without a function call per row in the database; the generator's
 * test compares the result with the triggers' refresh.
 */
export function searchVectorText(doc) {
  const parts = [];
  const push = (token) => parts.push(`'${token}':${Math.min(parts.length + 1, 16383)}`);
  for (const [run] of doc.matchAll(RUNS)) {
    if (!IS_HAN.test(run)) {
      push(run.slice(0, 100));
      continue;
    }
    const chars = [...run];
    if (chars.length === 1) {
      push(run);
    }
    for (let i = 0; i < chars.length - 1; i++) {
      push(chars[i] + chars[i + 1]);
    }
  }
  return parts.join(" ");
}

/**
 * Ticket search rows for every ticket that has none, set-based: the documents (title, description,
 * address, replies, notes) read through a cursor and tokenised in Node into a temporary table, then one
 * INSERT … SELECT joining the aggregates the triggers' refresh function computes per ticket, in the
 * order tickets were received.
 */
async function buildSearchRows(client, log) {
  const batch = 20_000;
  await client.query("BEGIN");
  try {
    await client.query(`CREATE TEMP TABLE bench_search_doc (ticket_id uuid NOT NULL, document tsvector NOT NULL) ON COMMIT DROP`);
    await client.query(`DECLARE bench_docs NO SCROLL CURSOR FOR
      SELECT t.id, lower(normalize(concat_ws(' ', t.title, t.description, t.address, r.replies, n.notes), NFKC)) AS doc
      FROM intake_ticket t
      LEFT JOIN (SELECT ticket_id, string_agg(reply_text, ' ' ORDER BY dispatched_at) AS replies FROM routing_assignment GROUP BY ticket_id) r ON r.ticket_id = t.id
      LEFT JOIN (SELECT x.ticket_id, string_agg(pn.text, ' ' ORDER BY pn.at) AS notes FROM routing_assignment x JOIN routing_progress_note pn ON pn.assignment_id = x.id
        GROUP BY x.ticket_id) n ON n.ticket_id = t.id
      WHERE NOT EXISTS (SELECT 1 FROM supervision_ticket_search s WHERE s.ticket_id = t.id)`);
    let done = 0;
    for (;;) {
      const { rows } = await client.query(`FETCH ${batch} FROM bench_docs`);
      if (rows.length === 0) {
        break;
      }
      await client.query(`INSERT INTO bench_search_doc SELECT d.id, d.doc::tsvector FROM unnest($1::uuid[], $2::text[]) AS d(id, doc)`, [
        rows.map((row) => row.id),
        rows.map((row) => searchVectorText(row.doc)),
      ]);
      done += rows.length;
      if (done % 200_000 < batch) {
        log(`  ${done.toLocaleString("en")} documents tokenised`);
      }
    }
    await client.query("CLOSE bench_docs");
    await client.query("SET LOCAL work_mem = '256MB'");
    await client.query(`INSERT INTO supervision_ticket_search (ticket_id, tracking_number, status, channel, request_type, urgency, category_id,
        district_id, township_id, citizen_phone, received_at, dispatched_at, replied_at, closed_at, lead_unit_id, unit_ids, active,
        completion_due_at, near_due_at, returned_count, rereport_count, document)
      SELECT t.id, t.tracking_number, t.status, t.channel, t.request_type, t.urgency, t.category_id, t.district_id, t.township_id, t.citizen_phone,
        t.received_at, a.first_dispatched_at, cur.replied_at,
        CASE WHEN t.status IN ('closed', 'closed_direct') THEN coalesce(h.closed_at, t.updated_at) END,
        cur.lead_unit_id, coalesce(u.unit_ids, '{}'), coalesce(cur.state IN ('DISPATCHED', 'SIGNED_FOR', 'RETURN_REQUESTED'), false),
        cur.completion_due_at, cur.near_due_at, coalesce(rr.n, 0), coalesce(rp.n, 0), d.document
      FROM bench_search_doc d
      JOIN intake_ticket t ON t.id = d.ticket_id
      LEFT JOIN routing_assignment cur ON cur.ticket_id = t.id AND cur.current
      LEFT JOIN (SELECT ticket_id, min(dispatched_at) AS first_dispatched_at FROM routing_assignment GROUP BY ticket_id) a ON a.ticket_id = t.id
      LEFT JOIN (SELECT v.ticket_id, array_agg(DISTINCT v.unit_id) AS unit_ids FROM (
          SELECT ticket_id, lead_unit_id AS unit_id FROM routing_assignment
          UNION ALL SELECT x.ticket_id, au.unit_id FROM routing_assignment x JOIN routing_assignment_unit au ON au.assignment_id = x.id) v
        GROUP BY v.ticket_id) u ON u.ticket_id = t.id
      LEFT JOIN (SELECT ticket_id, to_status, max(at) AS closed_at FROM intake_ticket_history WHERE kind = 'status' AND to_status IN ('closed', 'closed_direct')
        GROUP BY ticket_id, to_status) h ON h.ticket_id = t.id AND h.to_status = t.status
      LEFT JOIN (SELECT ticket_id, count(*)::int AS n FROM routing_return_request GROUP BY ticket_id) rr ON rr.ticket_id = t.id
      LEFT JOIN (SELECT ticket_id, count(*)::int AS n FROM callback_re_report_proposal WHERE state = 'ACCEPTED' GROUP BY ticket_id) rp ON rp.ticket_id = t.id
      ORDER BY t.received_at, t.id
      ON CONFLICT (ticket_id) DO NOTHING`);
    await client.query("COMMIT");
    log(`  ${done.toLocaleString("en")} search rows inserted`);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/** SQL for the id of generated ticket i (1-based): a number, or an SQL expression such as "i". */
export function benchTicketId(i) {
  return `md5('bench-ticket-' || ${typeof i === "number" ? String(Math.trunc(i)) : i})::uuid`;
}

const sqlArray = (values) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")}]::text[]`;

async function ensureReferenceData(client, log) {
  const count = async (sql) => (await client.query(sql)).rows[0].n;
  if ((await count("SELECT count(*)::int AS n FROM intake_category WHERE selectable")) < 4) {
    log("adding synthetic categories");
    await client.query(`INSERT INTO intake_category (code, name_zh, name_en, parent_id, selectable) VALUES ('BENCH', '基准分类', 'Bench', NULL, false) ON CONFLICT DO NOTHING`);
    await client.query(`INSERT INTO intake_category (code, name_zh, name_en, parent_id, selectable)
      SELECT 'BENCH.' || g, '基准分类' || g, 'Bench ' || g, (SELECT id FROM intake_category WHERE code = 'BENCH'), true FROM generate_series(1, 12) g ON CONFLICT DO NOTHING`);
  }
  if ((await count("SELECT count(*)::int AS n FROM intake_area WHERE level = 'TOWNSHIP'")) < 2) {
    log("adding synthetic areas");
    await client.query(`INSERT INTO intake_area (code, name_zh, name_en, level, parent_id) VALUES ('BENCH-CITY', '基准市', 'Bench city', 'CITY', NULL) ON CONFLICT DO NOTHING`);
    await client.query(`INSERT INTO intake_area (code, name_zh, name_en, level, parent_id)
      SELECT 'BENCH-D' || g, '基准区' || g, NULL, 'DISTRICT', (SELECT id FROM intake_area WHERE code = 'BENCH-CITY') FROM generate_series(1, 5) g ON CONFLICT DO NOTHING`);
    await client.query(`INSERT INTO intake_area (code, name_zh, name_en, level, parent_id)
      SELECT 'BENCH-T' || d.code || '-' || g, d.name_zh || '街道' || g, NULL, 'TOWNSHIP', d.id FROM intake_area d, generate_series(1, 4) g WHERE d.code LIKE 'BENCH-D%' ON CONFLICT DO NOTHING`);
  }
  if ((await count("SELECT count(*)::int AS n FROM routing_unit WHERE active")) < 4) {
    log("adding synthetic units");
    await client.query(`INSERT INTO routing_unit (code, name_zh, name_en, kind) SELECT 'BENCH-U' || g, '基准单位' || g, 'Bench unit ' || g, 'BUREAU' FROM generate_series(1, 30) g ON CONFLICT DO NOTHING`);
  }
  await client.query(`DROP TABLE IF EXISTS bench_category, bench_area, bench_unit`);
  await client.query(`CREATE TEMP TABLE bench_category AS SELECT row_number() OVER (ORDER BY code) - 1 AS n, id FROM intake_category WHERE selectable`);
  await client.query(`CREATE TEMP TABLE bench_area AS SELECT row_number() OVER (ORDER BY t.code) - 1 AS n, t.parent_id AS district_id, t.id AS township_id,
    coalesce(d.name_zh, '') || t.name_zh AS name FROM intake_area t JOIN intake_area d ON d.id = t.parent_id WHERE t.level = 'TOWNSHIP'`);
  await client.query(`CREATE TEMP TABLE bench_unit AS SELECT row_number() OVER (ORDER BY code) - 1 AS n, id FROM routing_unit WHERE active`);
  const sizes = (await client.query(`SELECT (SELECT count(*) FROM bench_category)::int AS c, (SELECT count(*) FROM bench_area)::int AS a, (SELECT count(*) FROM bench_unit)::int AS u`)).rows[0];
  return sizes;
}

/**
 * Generates `tickets` tickets (ids benchTicketId(1 … tickets)) with history, assignments, returns,
 * notes, re-reports and their ticket search rows (`searchRows: false` leaves those out, for a bench
 * that never reads the ticket search table). Returns row counts and the time taken.
 */
export async function generateTickets(client, options = {}) {
  const total = options.tickets ?? 1_000_000;
  const chunk = options.chunk ?? 100_000;
  const days = options.days ?? 730;
  const log = options.log ?? (() => undefined);
  const now = (options.now ?? new Date()).toISOString();
  const started = performance.now();
  const sizes = await ensureReferenceData(client, log);
  const recentFrom = total - Math.floor(total * 0.03);
  const stepMs = new Map();
  const stats = { baseMs: 0 };
  const timed = async (name, sql, params) => {
    const t = performance.now();
    await client.query(sql, params);
    stepMs.set(name, (stepMs.get(name) ?? 0) + performance.now() - t);
  };
  // A bulk load: no triggers (session_replication_role), no waiting for the WAL flush at each commit, and the
  // secondary indexes of the tables written dropped meanwhile and rebuilt once at the end (keys and unique
  // indexes stay: they are constraints).
  await client.query(`SET session_replication_role = replica`);
  await client.query(`SET synchronous_commit = off`);
  await client.query(`SET maintenance_work_mem = '256MB'`);
  await client.query(`SET work_mem = '64MB'`);
  const dropped = (
    await client.query(
      `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
       WHERE i.indrelid = ANY($1::regclass[]) AND NOT i.indisprimary AND NOT i.indisunique
         AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
      [BULK_TABLES],
    )
  ).rows;
  for (const index of dropped) {
    await client.query(`DROP INDEX "${index.name}"`);
  }
  let indexesRestored = false;
  const restoreIndexes = async () => {
    if (indexesRestored) {
      return;
    }
    indexesRestored = true;
    for (const index of dropped) {
      await client.query(index.definition.replace(/^CREATE INDEX /, "CREATE INDEX IF NOT EXISTS "));
    }
  };
  try {
    for (let from = 1; from <= total; from += chunk) {
      const to = Math.min(total, from + chunk - 1);
      await client.query("BEGIN");
      // tickets
      await timed("tickets",
        `INSERT INTO intake_ticket (id, tracking_number, status, channel, request_type, urgency, category_id, title, description, district_id, township_id,
           address, citizen_name, citizen_phone, privacy, received_at, created_at, updated_at, version)
         SELECT ${benchTicketId("i")}, 'ZB-' || to_char(r.at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(i::text, 7, '0'),
           CASE WHEN i > $3 THEN (${sqlArray(OPEN_STATUSES)})[i % ${OPEN_STATUSES.length} + 1] WHEN i % 20 = 0 THEN 'closed_direct' ELSE 'closed' END,
           (${sqlArray(CHANNELS)})[i % ${CHANNELS.length} + 1], (${sqlArray(REQUEST_TYPES)})[(i / 3) % ${REQUEST_TYPES.length} + 1],
           CASE WHEN i % 500 = 1 THEN 'emergency' WHEN i % 100 = 7 THEN 'urgent' ELSE 'normal' END,
           c.id, s.subject || p.problem, a.name || (${sqlArray(STREETS)})[(i * 13) % ${STREETS.length} + 1] || '附近' || s.subject || p.problem || '，' || (${sqlArray(DETAILS)})[(i * 7) % ${DETAILS.length} + 1],
           a.district_id, a.township_id, a.name || (${sqlArray(STREETS)})[(i * 13) % ${STREETS.length} + 1] || ((i % 300) + 1) || '号',
           (${sqlArray(NAMES)})[i % ${NAMES.length} + 1] || CASE WHEN i % 2 = 0 THEN '先生' ELSE '女士' END,
           '1' || (30 + (i * 7) % 60) || lpad(((i % 350000)::bigint * 7919 % 100000000)::text, 8, '0'),
           CASE WHEN i % 97 = 0 THEN 'confidential' ELSE 'none' END, r.at, r.at, r.at, 1
         FROM generate_series($1::int, $2::int) i
         CROSS JOIN LATERAL (SELECT $4::timestamptz - make_interval(secs => ($5::int - i)::double precision * $6::double precision / $5::int * 86400 + 60) AS at) r
         JOIN bench_category c ON c.n = (i * 31) % ${sizes.c}
         JOIN bench_area a ON a.n = (i * 17) % ${sizes.a}
         CROSS JOIN LATERAL (SELECT (${sqlArray(SUBJECTS)})[(i * 31) % ${SUBJECTS.length} + 1] AS subject) s
         CROSS JOIN LATERAL (SELECT (${sqlArray(PROBLEMS)})[(i * 11) % ${PROBLEMS.length} + 1] AS problem) p`,
        [from, to, recentFrom, now, total, days],
      );
      // current assignments of dispatched tickets (deadlines: 5 days; a third of the open ones overdue, a third near due)
      await timed("assignments",
        `INSERT INTO routing_assignment (id, ticket_id, current, state, lead_unit_id, assisting_unit_ids, dispatched_at, dispatched_by_name, signed_for_at, signed_for_by_name,
           dispatch_minutes, sign_for_minutes, completion_minutes, near_due_percent, dispatch_due_at, sign_for_due_at, completion_due_at, near_due_at, overdue_at,
           reply_outcome, reply_text, replied_at, replied_by_name, created_at, updated_at)
         SELECT md5('bench-assignment-' || i)::uuid, t.id, true, st.state, u.id,
           CASE WHEN i % 10 = 0 THEN ARRAY[u2.id] ELSE '{}'::uuid[] END, d.at, '派单员', CASE WHEN st.state <> 'DISPATCHED' THEN d.at + interval '1 hour' END,
           CASE WHEN st.state <> 'DISPATCHED' THEN '承办人' END, 240, 120, 2250, 80, t.received_at + interval '4 hours', d.at + interval '2 hours',
           d.at + interval '5 days', d.at + interval '4 days', CASE WHEN st.state IN ('DISPATCHED', 'SIGNED_FOR') AND d.at + interval '5 days' < $3::timestamptz THEN d.at + interval '5 days' END,
           CASE WHEN st.state = 'REPLIED' THEN 'RESOLVED' END, CASE WHEN st.state = 'REPLIED' THEN (${sqlArray(REPLIES)})[(i * 3) % ${REPLIES.length} + 1] END,
           CASE WHEN st.state = 'REPLIED' THEN d.at + make_interval(days => i % 5, hours => 3) END, CASE WHEN st.state = 'REPLIED' THEN '承办人' END, d.at, d.at
         FROM generate_series($1::int, $2::int) i
         JOIN intake_ticket t ON t.id = ${benchTicketId("i")}
         CROSS JOIN LATERAL (SELECT CASE t.status WHEN 'dispatched' THEN 'DISPATCHED' WHEN 'signed_for' THEN 'SIGNED_FOR' WHEN 'in_progress' THEN 'SIGNED_FOR' ELSE 'REPLIED' END AS state) st
         CROSS JOIN LATERAL (SELECT CASE WHEN t.status IN ('dispatched', 'signed_for', 'in_progress') THEN
             greatest($3::timestamptz - make_interval(days => i % 9), t.received_at + interval '10 minutes') ELSE t.received_at + interval '2 hours' END AS at) d
         JOIN bench_unit u ON u.n = (i * 11) % ${sizes.u}
         JOIN bench_unit u2 ON u2.n = (i * 11 + 1) % ${sizes.u}
         WHERE t.status NOT IN ('received', 'awaiting_dispatch', 'closed_direct')`,
        [from, to, now],
      );
      // earlier assignments that the unit returned, and their return requests
      await timed("returned assignments",
        `INSERT INTO routing_assignment (id, ticket_id, current, state, lead_unit_id, dispatched_at, dispatched_by_name, dispatch_minutes, sign_for_minutes, completion_minutes,
           near_due_percent, dispatch_due_at, sign_for_due_at, completion_due_at, near_due_at, created_at, updated_at)
         SELECT md5('bench-returned-' || i)::uuid, a.ticket_id, false, 'RETURNED', u.id, a.dispatched_at - interval '1 hour', '派单员', 240, 120, 2250, 80,
           a.dispatch_due_at, a.dispatched_at, a.completion_due_at, a.near_due_at, a.dispatched_at - interval '1 hour', a.dispatched_at
         FROM generate_series($1::int, $2::int) i
         JOIN routing_assignment a ON a.id = md5('bench-assignment-' || i)::uuid
         JOIN bench_unit u ON u.n = (i * 11 + 5) % ${sizes.u}
         WHERE i % 25 = 3`,
        [from, to],
      );
      await timed("return requests",
        `INSERT INTO routing_return_request (assignment_id, ticket_id, unit_id, reason, text, status, requested_at, requested_by_name, decided_at, decided_by_name)
         SELECT a.id, a.ticket_id, a.lead_unit_id, 'NOT_OUR_JURISDICTION', '不属于本单位职责范围。', 'ACCEPTED', a.dispatched_at + interval '30 minutes', '承办人',
           a.dispatched_at + interval '50 minutes', '派单员'
         FROM generate_series($1::int, $2::int) i JOIN routing_assignment a ON a.id = md5('bench-returned-' || i)::uuid`,
        [from, to],
      );
      // the chunk's assignments by their ids (the ticket index is dropped while generating)
      await timed("assignment units",
        `INSERT INTO routing_assignment_unit (assignment_id, unit_id, role)
         SELECT a.id, a.lead_unit_id, 'LEAD' FROM generate_series($1::int, $2::int) i
           CROSS JOIN LATERAL (VALUES (md5('bench-assignment-' || i)::uuid), (md5('bench-returned-' || i)::uuid)) v(id) JOIN routing_assignment a ON a.id = v.id
         UNION ALL
         SELECT a.id, x.unit_id, 'ASSISTING' FROM generate_series($1::int, $2::int) i
           JOIN routing_assignment a ON a.id = md5('bench-assignment-' || i)::uuid CROSS JOIN LATERAL unnest(a.assisting_unit_ids) AS x(unit_id)`,
        [from, to],
      );
      await timed("progress notes",
        `INSERT INTO routing_progress_note (assignment_id, ticket_id, unit_id, author_name, visibility, text, at)
         SELECT a.id, a.ticket_id, a.lead_unit_id, '承办人', CASE WHEN i % 2 = 0 THEN 'INTERNAL' ELSE 'PUBLIC' END, (${sqlArray(NOTES)})[(i / 5) % ${NOTES.length} + 1],
           a.dispatched_at + interval '3 hours'
         FROM generate_series($1::int, $2::int) i JOIN routing_assignment a ON a.id = md5('bench-assignment-' || i)::uuid WHERE i % 5 = 0`,
        [from, to],
      );
      await timed("re-reports",
        `INSERT INTO callback_re_report_proposal (ticket_id, task_id, survey_id, assignment_id, lead_unit_id, reasons, state, created_at, decided_at, decided_by_name)
         SELECT a.ticket_id, md5('bench-task-' || i)::uuid, md5('bench-survey-' || i)::uuid, a.id, a.lead_unit_id, ARRAY['UNRESOLVED'], 'ACCEPTED',
           coalesce(a.replied_at, a.dispatched_at) + interval '1 day', coalesce(a.replied_at, a.dispatched_at) + interval '1 day', '督办员'
         FROM generate_series($1::int, $2::int) i JOIN routing_assignment a ON a.id = md5('bench-assignment-' || i)::uuid
         JOIN intake_ticket t ON t.id = a.ticket_id WHERE i % 40 = 9 AND t.status = 'closed'`,
        [from, to],
      );
      // history: received, dispatched, and the last step
      await timed("history",
        `INSERT INTO intake_ticket_history (ticket_id, at, from_status, to_status, kind, actor_name, is_public)
         SELECT t.id, t.received_at, NULL, 'received', 'status', '话务员', true
           FROM generate_series($1::int, $2::int) i JOIN intake_ticket t ON t.id = ${benchTicketId("i")}
         UNION ALL
         SELECT a.ticket_id, a.dispatched_at, 'awaiting_dispatch', 'dispatched', 'status', '派单员', true
           FROM generate_series($1::int, $2::int) i JOIN routing_assignment a ON a.id = md5('bench-assignment-' || i)::uuid
         UNION ALL
         SELECT t.id, coalesce(a.replied_at + interval '1 day', a.signed_for_at, t.received_at + interval '10 minutes'),
           CASE t.status WHEN 'closed' THEN 'replied' WHEN 'replied' THEN 'in_progress' WHEN 'closed_direct' THEN 'received' WHEN 'awaiting_dispatch' THEN 'received' ELSE 'dispatched' END,
           t.status, 'status', '系统', true
           FROM generate_series($1::int, $2::int) i JOIN intake_ticket t ON t.id = ${benchTicketId("i")}
           LEFT JOIN routing_assignment a ON a.id = md5('bench-assignment-' || i)::uuid
           WHERE t.status NOT IN ('received', 'dispatched')`,
        [from, to],
      );
      await client.query("COMMIT");
      if (from === 1) {
        await client.query("ANALYZE"); // the next chunks are planned with the first one's statistics
      }
      log(`tickets ${from.toLocaleString("en")} … ${to.toLocaleString("en")} generated (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
    const baseMs = performance.now() - started;
    log(`steps (s): ${[...stepMs].map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)}`).join(", ")}`);
    let t = performance.now();
    await client.query(`ANALYZE ${BULK_TABLES.filter((table) => table !== "supervision_ticket_search").join(", ")}`);
    stepMs.set("analyze", performance.now() - t);
    t = performance.now();
    if (options.searchRows !== false) {
      await buildSearchRows(client, log);
    }
    stepMs.set("search rows", performance.now() - t);
    t = performance.now();
    // The intake queue counters (kept by triggers, off while generating) are recounted set-based with the
    // function the triggers call.
    await client.query("DELETE FROM intake_queue_count");
    await client.query(
      `INSERT INTO intake_queue_count (key, stripe, count)
       SELECT key, 0, count(*) FROM (SELECT unnest(intake_queue_keys(status, urgency, created_by, received_at)) AS key FROM intake_ticket) keyed GROUP BY key`,
    );
    stepMs.set("queue counters", performance.now() - t);
    t = performance.now();
    await restoreIndexes();
    stepMs.set("indexes", performance.now() - t);
    t = performance.now();
    await client.query("VACUUM (ANALYZE) supervision_ticket_search");
    await client.query(`ANALYZE ${BULK_TABLES.filter((table) => table !== "supervision_ticket_search").join(", ")}`);
    stepMs.set("vacuum, analyze", performance.now() - t);
    log(
      `${options.searchRows === false ? "no search rows (left out)" : `search rows built in ${(stepMs.get("search rows") / 1000).toFixed(1)} s`}; ${dropped.length} secondary indexes rebuilt in ${(stepMs.get("indexes") / 1000).toFixed(1)} s; ` +
        `VACUUM ANALYZE ${(stepMs.get("vacuum, analyze") / 1000).toFixed(1)} s`,
    );
    stats.baseMs = baseMs;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await restoreIndexes().catch(() => undefined);
    await client.query(`SET session_replication_role = origin`);
    await client.query(`SET synchronous_commit = on`);
  }
  const counts = (
    await client.query(`SELECT (SELECT count(*) FROM intake_ticket)::int AS tickets, (SELECT count(*) FROM routing_assignment)::int AS assignments,
      (SELECT count(*) FROM intake_ticket_history)::int AS history, (SELECT count(*) FROM routing_progress_note)::int AS notes,
      (SELECT count(*) FROM supervision_ticket_search)::int AS search_rows`)
  ).rows[0];
  const ms = performance.now() - started;
  const rows = counts.tickets + counts.assignments + counts.history + counts.notes;
  return { ...counts, generated: total, baseMs: stats.baseMs, ms, rowsPerSecond: Math.round(rows / (ms / 1000)), ticketsPerSecond: Math.round(total / (ms / 1000)) };
}
