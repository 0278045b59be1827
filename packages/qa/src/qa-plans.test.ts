import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { qaTestDatabase } from "./__tests__/factories.js";

/**
 * The plans of qa's hot statements on a table large enough for the planner (60,000 calls of 40
 * call-takers over 90 days, 6,000 samples, 2,000 shifts): each reads its index, none scans the
 * call, sample or shift table sequentially.
 */
let db: TestDatabase;
beforeAll(async () => {
  db = await qaTestDatabase();
  const q = (sql: string) => db.dataSource.query(sql);
  await q(`INSERT INTO platform_user (username, display_name, password_hash, roles) SELECT 'p-' || n, '话务员' || n, 'x', '{operator}' FROM generate_series(0, 39) n`);
  await q(`CREATE TABLE plan_taker AS SELECT (substring(username from 3))::int AS n, id FROM platform_user WHERE username LIKE 'p-%'`);
  await q(`INSERT INTO qa_call (call_id, seat_code, call_taker_id, caller_number, direction, started_at, answered_at, ended_at, wait_seconds, talk_seconds, reported_by_name)
    SELECT 'P-' || g, 'S' || (g % 30), t.id, '13900000000', 'INBOUND', now() - make_interval(mins => g * 2), now() - make_interval(mins => g * 2), now() - make_interval(mins => g * 2) + interval '3 minutes', 5, 180, 'CTI'
      FROM generate_series(1, 60000) g JOIN plan_taker t ON t.n = g % 40`);
  await q(`INSERT INTO qa_call_ticket (ticket_id, call_id) SELECT md5('t' || g)::uuid, 'P-' || g FROM generate_series(1, 60000, 3) g`);
  await q(`INSERT INTO qa_sample (call_record_id, day, call_taker_id, reason, position, inspected_at)
    SELECT c.id, (c.started_at AT TIME ZONE 'Asia/Shanghai')::date, c.call_taker_id, 'RANDOM', row_number() OVER (), CASE WHEN random() < 0.97 THEN now() END
      FROM qa_call c WHERE c.call_id LIKE 'P-%' AND substring(c.call_id from 3)::int % 10 = 0`);
  await q(`INSERT INTO qa_shift (seat_code, user_id, starts_at, ends_at, created_by_name)
    SELECT 'S' || (g % 30), t.id, now() - make_interval(hours => g * 8), now() - make_interval(hours => g * 8 - 8), 'lead' FROM generate_series(1, 2000) g JOIN plan_taker t ON t.n = g % 40`);
  await q(`ANALYZE qa_call; ANALYZE qa_sample; ANALYZE qa_shift; ANALYZE qa_call_ticket`);
});
afterAll(() => db?.destroy());

async function plan(sql: string, params: unknown[]): Promise<string> {
  const rows: Array<{ "QUERY PLAN": string }> = await db.dataSource.query(`EXPLAIN ${sql}`, params);
  return rows.map((row) => row["QUERY PLAN"]).join("\n");
}

const noSeqScan = (text: string) => expect(text).not.toMatch(/Seq Scan on (qa_call|qa_sample|qa_shift|qa_call_ticket)\b/);

describe("qa query plans", () => {
  it("a day's calls (sampling) read qa_call_started_idx", async () => {
    const text = await plan(`SELECT id, call_taker_id FROM qa_call WHERE started_at >= $1 AND started_at < $2 AND call_taker_id IS NOT NULL`, [new Date(Date.now() - 2 * 86_400_000), new Date(Date.now() - 86_400_000)]);
    expect(text).toContain("qa_call_started_idx");
    noSeqScan(text);
  });

  it("one call-taker's calls (lists, their results) read qa_call_taker_idx", async () => {
    const [taker] = await db.dataSource.query(`SELECT id FROM plan_taker WHERE n = 3`);
    const text = await plan(`SELECT id FROM qa_call c WHERE c.started_at >= $1 AND c.started_at < $2 AND c.call_taker_id = $3 ORDER BY c.started_at DESC LIMIT 50`, [new Date(Date.now() - 7 * 86_400_000), new Date(), taker.id]);
    expect(text).toContain("qa_call_taker_idx");
    noSeqScan(text);
  });

  it("the inspection queue reads only pending samples (qa_sample_pending_idx)", async () => {
    const text = await plan(`SELECT * FROM qa_sample s WHERE s.inspected_at IS NULL ORDER BY s.day, s.position LIMIT 50`, []);
    expect(text).toContain("qa_sample_pending_idx");
    noSeqScan(text);
  });

  it("who sits at a seat (screen-pop, call records) reads qa_shift_seat_idx", async () => {
    const text = await plan(
      `SELECT s.user_id FROM qa_shift s WHERE s.seat_code = $1 AND s.starts_at <= $2 AND s.ends_at > $2 AND s.starts_at > $2::timestamptz - interval '16 hours' ORDER BY s.starts_at DESC LIMIT 1`,
      ["S7", new Date(Date.now() - 100 * 3_600_000)],
    );
    expect(text).toContain("qa_shift_seat_idx");
    noSeqScan(text);
  });

  it("a call's tickets read qa_call_ticket_call_idx; a call by its telephony id qa_call_call_id_key", async () => {
    const tickets = await plan(`SELECT ticket_id FROM qa_call_ticket WHERE call_id = ANY($1::text[])`, [["P-4", "P-7"]]);
    expect(tickets).toContain("qa_call_ticket_call_idx");
    noSeqScan(tickets);
    const call = await plan(`SELECT id FROM qa_call WHERE call_id = $1`, ["P-100"]);
    expect(call).toContain("qa_call_call_id_key");
  });
});
