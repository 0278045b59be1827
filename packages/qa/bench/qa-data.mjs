// The staff QA bench's data on top of the generated tickets (qa.bench.mjs; in a run of several
// sections, shared-data.mjs makes it once, with the tickets, in the database the QA section takes):
// 190 call-takers × a year of calls (17 a day: about 1.2 million call records, INSERT … SELECT
// generate_series), and the phone tickets of that year linked to the calls they were logged in, a
// quarter of them answered in a callback. Deterministic (hashes of ids and days) for a given day.
export const TAKERS = Number(process.env.BENCH_CALL_TAKERS ?? 190);
export const DAYS = Number(process.env.BENCH_DAYS ?? 365);
export const PER_DAY = Number(process.env.BENCH_CALLS_PER_DAY ?? 17);

/** 190 call-takers in 19 teams, 150 shared seats, and a year of calls: all by INSERT … SELECT. */
export async function generateCalls(db, today) {
  await db.query(`INSERT INTO platform_user (username, display_name, password_hash, roles, active)
    SELECT 'bench-taker-' || n, '话务员' || n, 'x', '{operator}', true FROM generate_series(0, $1::int - 1) n`, [TAKERS]);
  await db.query(`CREATE TEMP TABLE bench_taker AS SELECT (substring(username from 13))::int AS n, id FROM platform_user WHERE username LIKE 'bench-taker-%'`);
  await db.query(`CREATE UNIQUE INDEX ON bench_taker (n)`);
  await db.query(`INSERT INTO qa_team (name, lead_user_id) SELECT '基准班组' || g, (SELECT id FROM bench_taker WHERE n = g * 10) FROM generate_series(0, ($1::int - 1) / 10) g`, [TAKERS]);
  await db.query(`INSERT INTO qa_team_member (user_id, team_id) SELECT b.id, t.id FROM bench_taker b JOIN qa_team t ON t.name = '基准班组' || (b.n / 10)`);
  await db.query(`INSERT INTO qa_seat (code, name, active) SELECT 'S' || lpad(g::text, 3, '0'), '座席' || g, true FROM generate_series(0, 149) g ON CONFLICT DO NOTHING`);
  await db.query(`SET synchronous_commit = off`);
  const chunk = 30;
  for (let from = 1; from <= DAYS; from += chunk) {
    const to = Math.min(DAYS, from + chunk - 1);
    await db.query(
      `INSERT INTO qa_call (call_id, seat_code, call_taker_id, caller_number, direction, started_at, answered_at, ended_at, wait_seconds, talk_seconds, recording_url, reported_by_name, flagged_at, flag_reason)
       SELECT 'B-' || b.n || '-' || to_char(d.day, 'YYYYMMDD') || '-' || k,
              'S' || lpad((b.n % 150)::text, 3, '0'), b.id,
              '13' || lpad(((abs(h.h) % 900000000) + 100000000)::text, 9, '0'),
              CASE WHEN k % 13 = 5 THEN 'OUTBOUND' ELSE 'INBOUND' END,
              s.started, s.started + make_interval(secs => w.wait), s.started + make_interval(secs => w.wait + w.talk), w.wait, w.talk,
              'https://cti.example/rec/' || b.n || '/' || to_char(d.day, 'YYYYMMDD') || '/' || k || '.wav', 'Bench CTI',
              CASE WHEN abs(h.h) % 1000 = 7 THEN s.started + interval '8 hours' END,
              CASE WHEN abs(h.h) % 1000 = 7 THEN '请复核' END
         FROM generate_series($2::int, $3::int) back
         CROSS JOIN LATERAL (SELECT ($1::date - back) AS day) d
         CROSS JOIN bench_taker b
         CROSS JOIN generate_series(0, $4::int - 1) k
         CROSS JOIN LATERAL (SELECT hashtext(b.n || ':' || d.day || ':' || k) AS h) h
         CROSS JOIN LATERAL (SELECT ((d.day + time '08:00' + make_interval(mins => k * 30 + abs(h.h) % 20)) AT TIME ZONE 'Asia/Shanghai') AS started) s
         CROSS JOIN LATERAL (SELECT 3 + abs(h.h) % 60 AS wait, CASE WHEN abs(h.h) % 100 = 3 THEN 900 + abs(h.h) % 600 ELSE 40 + abs(h.h) % 420 END AS talk) w`,
      [today, from, to, PER_DAY],
    );
  }
  return Number((await db.query(`SELECT count(*) AS n FROM qa_call`)).rows[0].n);
}

/**
 * Phone tickets of the last year are logged by a call-taker during one of their calls that day (call
 * id and created_by set, the qa_call_ticket link written), a quarter of them answered in a callback.
 */
export async function linkTickets(db, today) {
  await db.query(`SET session_replication_role = replica`);
  const linked = await db.query(
    `WITH picked AS (
       SELECT t.id, b.id AS taker, 'B-' || b.n || '-' || to_char((t.received_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYYMMDD') || '-' || (abs(hashtext(t.id::text || 'k')) % $3) AS call_id
         FROM intake_ticket t JOIN bench_taker b ON b.n = abs(hashtext(t.id::text)) % $2
        WHERE t.channel = 'phone' AND (t.received_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $1::date - $4::int AND $1::date - 1
     ), updated AS (
       UPDATE intake_ticket t SET call_id = p.call_id, created_by = p.taker FROM picked p WHERE t.id = p.id RETURNING t.id, t.call_id
     )
     INSERT INTO qa_call_ticket (ticket_id, call_id) SELECT id, call_id FROM updated ON CONFLICT DO NOTHING`,
    [today, TAKERS, PER_DAY, DAYS],
  );
  await db.query(
    `INSERT INTO callback_survey (task_id, ticket_id, full_survey, channel, result_satisfaction, process_satisfaction, answered_at, category_id, request_type)
     SELECT md5('bench-survey-' || t.id)::uuid, t.id, true, 'PHONE',
            CASE WHEN abs(hashtext(t.id::text || 's')) % 10 = 0 THEN 'DISSATISFIED' ELSE 'SATISFIED' END,
            CASE WHEN abs(hashtext(t.id::text || 'p')) % 10 = 0 THEN 'DISSATISFIED' ELSE 'SATISFIED' END,
            t.received_at + interval '3 days', t.category_id, t.request_type
       FROM intake_ticket t WHERE t.call_id LIKE 'B-%' AND abs(hashtext(t.id::text || 'v')) % 4 = 0 AND t.received_at + interval '3 days' < now()
     ON CONFLICT DO NOTHING`,
  );
  await db.query(`SET session_replication_role = DEFAULT`);
  return linked.rowCount;
}
