import { Channel, RequestType, submitRequest, type Ticket } from "@civicline/intake";
import { Role } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { dispatchTicket } from "@civicline/routing";
import type { QueryRunner } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSearchWorld, searchTestDatabase, staff, type SearchWorld } from "../../../search/__tests__/search-db.js";
import { directAggregate, entries, maintainedAggregate } from "./direct.js";

/**
 * Concurrent writers: many transactions at once add to the same aggregate rows (same day, unit,
 * category, area, channel, type) and change the same ticket; the aggregate must still equal the
 * direct computation — += deltas under the per-ticket lock, no lost update, no double count.
 */
let db: TestDatabase;
let world: SearchWorld;
const operator = staff("话务员", [Role.OPERATOR]);
const dispatcher = staff("派单员", [Role.DISPATCHER]);
const at = (local: string) => new Date(`${local}+08:00`);

beforeAll(async () => {
  db = await searchTestDatabase();
  world = await buildSearchWorld(db);
}, 60_000);
afterAll(async () => db?.destroy());

const receive = (i: number) =>
  submitRequest({
    db: db.dataSource,
    cityPrefix: "ZB",
    actor: operator,
    channel: Channel.PHONE,
    receivedAt: at(`2026-11-02T09:${String(i % 60).padStart(2, "0")}:00`),
    input: {
      requestType: RequestType.COMPLAINT,
      categoryId: world.leaf.id,
      description: `并发测试工单 ${i}`,
      districtId: world.district.id,
      townshipId: world.township.id,
      address: "柳泉路",
      citizenName: "王先生",
      phone: "13911112222",
    } as Parameters<typeof submitRequest>[0]["input"],
  });

describe("measures under concurrent writers", () => {
  it("many tickets received and dispatched at once into the same cells", async () => {
    const tickets = await Promise.all(Array.from({ length: 24 }, (_, i) => receive(i)));
    await Promise.all(
      tickets.map((t: Ticket) =>
        dispatchTicket(db.dataSource, { actor: dispatcher, request: { ticketId: t.id, version: t.version, leadUnitId: world.unitA.id }, now: at("2026-11-02T10:00:00") }),
      ),
    );
    const [cell] = (await db.dataSource.query(
      `SELECT sum(received)::int AS received, sum(dispatched)::int AS dispatched FROM supervision_measure_day WHERE day = '2026-11-02' AND unit_id = $1`,
      [world.unitA.id],
    )) as Array<{ received: number; dispatched: number }>;
    expect(cell).toEqual({ received: 24, dispatched: 24 });
    expect(entries(await maintainedAggregate(db.dataSource))).toEqual(entries(await directAggregate(db.dataSource)));
  }, 60_000);

  it("one ticket changed by overlapping transactions (the second waits for the first and recomputes after it)", async () => {
    const [ticket] = (await db.dataSource.query(`SELECT id FROM intake_ticket ORDER BY received_at LIMIT 1`)) as Array<{ id: string }>;
    const id = ticket!.id;
    // A: replies on the assignment and holds its transaction open; B: reclassifies the ticket meanwhile;
    // C..: more replies/reclassifications and surveys on the same cells, all at once
    const slowReply = db.dataSource.transaction(async (m) => {
      await m.query(`UPDATE routing_assignment SET state = 'REPLIED', replied_at = '2026-11-03T10:00:00+08', reply_text = '已处理' WHERE ticket_id = $1 AND current`, [id]);
      await m.query(`SELECT pg_sleep(0.3)`);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const reclassify = db.dataSource.transaction(async (m) => {
      await m.query(`UPDATE intake_ticket SET category_id = $2, township_id = $3 WHERE id = $1`, [id, world.otherLeaf.id, world.otherTownship.id]);
    });
    const others = (await db.dataSource.query(`SELECT id FROM intake_ticket WHERE id <> $1`, [id])) as Array<{ id: string }>;
    const crowd = others.map((t, i) =>
      db.dataSource.transaction(async (m) => {
        if (i % 2) {
          await m.query(`UPDATE routing_assignment SET state = 'REPLIED', replied_at = '2026-11-03T11:00:00+08', reply_text = '已处理' WHERE ticket_id = $1 AND current`, [t.id]);
        } else {
          await m.query(
            `INSERT INTO callback_survey (task_id, ticket_id, full_survey, channel, result_satisfaction, process_satisfaction, reasonable, answered_at, lead_unit_id, category_id, request_type)
             VALUES (gen_random_uuid(), $1, true, 'PHONE', 'SATISFIED', 'SATISFIED', null, '2026-11-04T10:00:00+08', $2, $3, 'complaint')`,
            [t.id, world.unitA.id, world.leaf.id],
          );
        }
        await m.query(`SELECT pg_sleep(0.01)`);
      }),
    );
    await Promise.all([slowReply, reclassify, ...crowd]);
    const direct = await directAggregate(db.dataSource);
    expect(entries(await maintainedAggregate(db.dataSource))).toEqual(entries(direct));
    const [moved] = (await db.dataSource.query(
      `SELECT sum(replied)::int AS replied, sum(received)::int AS received FROM supervision_measure_day WHERE category_id = $1 AND township_id = $2`,
      [world.otherLeaf.id, world.otherTownship.id],
    )) as Array<{ replied: number; received: number }>;
    expect(moved).toEqual({ replied: 1, received: 1 });
  }, 60_000);

  it("two open transactions on different connections writing the same cells do not wait for each other", async () => {
    const runners = [db.dataSource.createQueryRunner(), db.dataSource.createQueryRunner()];
    await Promise.all(runners.map((r) => r.connect()));
    const [a, b] = runners as [QueryRunner, QueryRunner];
    const template = await receive(90);
    const [x, y] = (await db.dataSource.query(
      `SELECT ticket_id FROM routing_assignment WHERE current AND lead_unit_id = $1 AND ticket_id <> $2 ORDER BY ticket_id LIMIT 2`,
      [world.unitA.id, template.id],
    )) as Array<{ ticket_id: string }>;
    // a ticket received (a copy of the template: same day, category, area, channel, type) and a reply the
    // same day by the same unit: the same cube cell and the same rows of every roll-up for both transactions
    const write = async (runner: QueryRunner, n: number, assigned: string) => {
      await runner.query(
        `INSERT INTO intake_ticket SELECT (jsonb_populate_record(NULL::intake_ticket, to_jsonb(t) || jsonb_build_object('id', gen_random_uuid(), 'tracking_number', $2::text, 'client_request_id', null))).*
           FROM intake_ticket t WHERE t.id = $1`,
        [template.id, `ZB-STRIPE-${n}`],
      );
      await runner.query(`UPDATE routing_assignment SET state = 'REPLIED', replied_at = '2026-11-05T10:00:00+08', reply_text = '已处理' WHERE ticket_id = $1 AND current`, [assigned]);
    };
    try {
      await a.startTransaction();
      await write(a, 1, x!.ticket_id);
      await b.startTransaction();
      await b.query(`SET LOCAL lock_timeout = '2s'`);
      // B must finish while A is still open: a row lock shared with A would make it wait (and fail after 2 s)
      await write(b, 2, y!.ticket_id);
      await b.commitTransaction();
      await a.commitTransaction();
    } finally {
      for (const runner of [a, b]) {
        if (runner.isTransactionActive) {
          await runner.rollbackTransaction();
        }
      }
      await Promise.all(runners.map((r) => r.release()));
    }
    expect(entries(await maintainedAggregate(db.dataSource))).toEqual(entries(await directAggregate(db.dataSource)));
    const [received] = (await db.dataSource.query(
      `SELECT sum(received)::int AS n, count(DISTINCT stripe)::int AS stripes FROM supervision_measure_day_by_category_area WHERE day = '2026-11-02' AND category_id = $1 AND district_id = $2 AND township_id = $3`,
      [world.leaf.id, world.district.id, world.township.id],
    )) as Array<{ n: number; stripes: number }>;
    expect(received!.n).toBe((await db.dataSource.query(`SELECT count(*)::int AS n FROM intake_ticket WHERE category_id = $1 AND township_id = $2 AND status <> 'merged' AND (received_at AT TIME ZONE 'Asia/Shanghai')::date = '2026-11-02'`, [world.leaf.id, world.township.id]))[0].n);
    expect(received!.stripes).toBeGreaterThan(1);
  }, 60_000);
});
