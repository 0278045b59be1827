import { randomUUID } from "node:crypto";
import { Role, setCalendarOverride } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { Unit } from "@civicline/routing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSearchWorld, searchTestDatabase, staff, type SearchWorld } from "../../../search/__tests__/search-db.js";
import { rebuildMeasures, refreshMeasureCalendar } from "../rebuild.js";
import { directAggregate, entries, maintainedAggregate } from "./direct.js";

/**
 * Property: after any sequence of ticket events — written straight into the raw tables, as any
 * writer could (tickets received and reclassified, dispatched, re-dispatched, replied, marked
 * overdue, extended, returned, surveyed, re-reported, supervised, merged, closed directly, deleted
 * children), alone or several in one transaction — the maintained aggregate equals the direct
 * computation over the raw tables; and so does the rebuilt one.
 */
let db: TestDatabase;
let world: SearchWorld;
let units: string[];
let categories: string[];
let townships: Array<string | null>;

const T0 = Date.parse("2026-10-25T00:00:00+08:00");
const MIN = 60_000;

type State = { tickets: string[]; assignments: Array<{ id: string; ticketId: string; at: number }>; surveys: Array<{ id: string; ticketId: string }>; proposals: string[] };

const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);

const command = fc.oneof(
  fc.record({ kind: fc.constant("receive" as const), minute: fc.integer({ min: 0, max: 45 * 1440 }), cat: fc.nat(2), town: fc.nat(2), channel: fc.boolean(), type: fc.boolean() }),
  fc.record({ kind: fc.constant("reclassify" as const), ticket: fc.nat(), cat: fc.nat(2), town: fc.nat(2), channel: fc.boolean() }),
  fc.record({ kind: fc.constant("status" as const), ticket: fc.nat(), status: fc.constantFrom("closed_direct", "merged", "awaiting_dispatch", "closed") }),
  fc.record({ kind: fc.constant("dispatch" as const), ticket: fc.nat(), unit: fc.nat(3), after: fc.integer({ min: 0, max: 6000 }), limitHours: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ kind: fc.constant("reply" as const), assignment: fc.nat(), after: fc.integer({ min: 1, max: 20_000 }) }),
  fc.record({ kind: fc.constant("overdue" as const), assignment: fc.nat() }),
  fc.record({ kind: fc.constant("extend" as const), assignment: fc.nat(), hours: fc.integer({ min: 1, max: 100 }), approved: fc.boolean() }),
  fc.record({ kind: fc.constant("return" as const), assignment: fc.nat(), accept: fc.boolean() }),
  fc.record({
    kind: fc.constant("survey" as const),
    ticket: fc.nat(),
    full: fc.boolean(),
    reasonable: fc.constantFrom(null, true, false),
    result: fc.constantFrom(null, "VERY_SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED"),
    process: fc.constantFrom("SATISFIED", "VERY_DISSATISFIED"),
    unit: fc.nat(4),
    minute: fc.integer({ min: 0, max: 50 * 1440 }),
  }),
  fc.record({ kind: fc.constant("reReport" as const), survey: fc.nat(), assignment: fc.nat(), accepted: fc.boolean() }),
  fc.record({ kind: fc.constant("accept" as const), proposal: fc.nat() }),
  fc.record({ kind: fc.constant("order" as const), assignment: fc.nat(), after: fc.integer({ min: 0, max: 20_000 }) }),
  fc.record({ kind: fc.constant("deleteReturn" as const), assignment: fc.nat() }),
  // later corrections of columns the facts read, and an update of one they do not read
  fc.record({ kind: fc.constant("retime" as const), ticket: fc.nat(), hours: fc.integer({ min: -48, max: 48 }), type: fc.boolean(), district: fc.boolean() }),
  fc.record({ kind: fc.constant("reassign" as const), assignment: fc.nat(), unit: fc.nat(3), hours: fc.integer({ min: -30, max: 30 }) }),
  fc.record({ kind: fc.constant("resurvey" as const), survey: fc.nat(), result: fc.constantFrom(null, "SATISFIED", "VERY_DISSATISFIED"), reasonable: fc.constantFrom(null, false), hours: fc.integer({ min: -30, max: 30 }) }),
  fc.record({ kind: fc.constant("reissue" as const), assignment: fc.nat(), unit: fc.nat(3), hours: fc.integer({ min: -30, max: 30 }) }),
  fc.record({ kind: fc.constant("followUp" as const), assignment: fc.nat() }),
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

async function run(q: (sql: string, params?: unknown[]) => Promise<unknown>, state: State, c: Command): Promise<void> {
  switch (c.kind) {
    case "receive": {
      const id = randomUUID();
      await q(
        `INSERT INTO intake_ticket (id, tracking_number, status, channel, request_type, category_id, description, district_id, township_id, address, citizen_name, citizen_phone, received_at, version)
         VALUES ($1, $2, 'received', $3, $4, $5, '测试工单', $6, $7, '地址', '王先生', '13911112222', $8, 1)`,
        [id, `PT-${id.slice(0, 13)}`, c.channel ? "phone" : "portal", c.type ? "complaint" : "help", categories[c.cat], world.district.id, townships[c.town], new Date(T0 + c.minute * MIN)],
      );
      state.tickets.push(id);
      return;
    }
    case "reclassify": {
      const ticket = pick(state.tickets, c.ticket);
      if (ticket) {
        await q(`UPDATE intake_ticket SET category_id = $2, township_id = $3, channel = $4, version = version + 1 WHERE id = $1`, [ticket, categories[c.cat], townships[c.town], c.channel ? "phone" : "email"]);
      }
      return;
    }
    case "status": {
      const ticket = pick(state.tickets, c.ticket);
      if (ticket) {
        await q(`UPDATE intake_ticket SET status = $2 WHERE id = $1`, [ticket, c.status]);
      }
      return;
    }
    case "dispatch": {
      const ticket = pick(state.tickets, c.ticket);
      if (!ticket) {
        return;
      }
      const [row] = (await q(`SELECT received_at FROM intake_ticket WHERE id = $1`, [ticket])) as Array<{ received_at: Date }>;
      const at = row!.received_at.getTime() + c.after * MIN;
      await q(`UPDATE routing_assignment SET current = false, state = CASE WHEN state IN ('DISPATCHED', 'SIGNED_FOR', 'RETURN_REQUESTED') THEN 'RETURNED' ELSE state END WHERE ticket_id = $1 AND current`, [ticket]);
      const id = randomUUID();
      await q(
        `INSERT INTO routing_assignment (id, ticket_id, current, state, lead_unit_id, dispatched_at, dispatched_by_name, dispatch_minutes, sign_for_minutes, completion_minutes, near_due_percent,
           dispatch_due_at, sign_for_due_at, completion_due_at, near_due_at)
         VALUES ($1, $2, true, 'DISPATCHED', $3, $4, 'test', 240, 120, 4500, 80, $4, $4, $5, $5)`,
        [id, ticket, units[c.unit], new Date(at), new Date(at + c.limitHours * 3_600_000)],
      );
      state.assignments.push({ id, ticketId: ticket, at });
      return;
    }
    case "reply": {
      const a = pick(state.assignments, c.assignment);
      if (a) {
        await q(`UPDATE routing_assignment SET state = 'REPLIED', replied_at = $2, reply_text = '已处理', reply_outcome = 'RESOLVED' WHERE id = $1 AND state <> 'RETURNED'`, [a.id, new Date(a.at + c.after * MIN)]);
      }
      return;
    }
    case "overdue": {
      const a = pick(state.assignments, c.assignment);
      if (a) {
        await q(`UPDATE routing_assignment SET overdue_at = now() WHERE id = $1`, [a.id]);
      }
      return;
    }
    case "extend": {
      const a = pick(state.assignments, c.assignment);
      if (a) {
        await q(
          `UPDATE routing_assignment SET extension_status = $2, completion_due_at = completion_due_at + CASE WHEN $2 = 'APPROVED' THEN make_interval(hours => $3) ELSE interval '0' END WHERE id = $1`,
          [a.id, c.approved ? "APPROVED" : "REFUSED", c.hours],
        );
      }
      return;
    }
    case "return": {
      const a = pick(state.assignments, c.assignment);
      if (a) {
        const [u] = (await q(`SELECT lead_unit_id FROM routing_assignment WHERE id = $1`, [a.id])) as Array<{ lead_unit_id: string }>;
        await q(
          `INSERT INTO routing_return_request (assignment_id, ticket_id, unit_id, reason, text, status, requested_at, requested_by_name) VALUES ($1, $2, $3, 'OTHER', '不是我们的', $4, now(), 'test')`,
          [a.id, a.ticketId, u!.lead_unit_id, c.accept ? "ACCEPTED" : "REJECTED"],
        );
        if (c.accept) {
          await q(`UPDATE routing_assignment SET state = 'RETURNED' WHERE id = $1 AND replied_at IS NULL`, [a.id]);
        }
      }
      return;
    }
    case "deleteReturn": {
      const a = pick(state.assignments, c.assignment);
      if (a) {
        await q(`DELETE FROM routing_return_request WHERE assignment_id = $1`, [a.id]);
      }
      return;
    }
    case "survey": {
      const ticket = pick(state.tickets, c.ticket);
      if (ticket) {
        const id = randomUUID();
        await q(
          `INSERT INTO callback_survey (id, task_id, ticket_id, full_survey, channel, result_satisfaction, process_satisfaction, reasonable, answered_at, lead_unit_id, category_id, request_type)
           VALUES ($1, $2, $3, $4, 'PHONE', $5, $6, $7, $8, $9, $10, 'complaint')`,
          [id, randomUUID(), ticket, c.full, c.full ? c.result : null, c.process, c.full ? c.reasonable : null, new Date(T0 + c.minute * MIN), c.unit === 4 ? null : units[c.unit], categories[0]],
        );
        state.surveys.push({ id, ticketId: ticket });
      }
      return;
    }
    case "reReport": {
      const s = pick(state.surveys, c.survey);
      const a = s && state.assignments.filter((x) => x.ticketId === s.ticketId)[c.assignment % Math.max(1, state.assignments.filter((x) => x.ticketId === s.ticketId).length)];
      const taken = s && ((await q(`SELECT 1 FROM callback_re_report_proposal WHERE survey_id = $1`, [s.id])) as unknown[]).length > 0;
      if (s && a && !taken) {
        const id = randomUUID();
        await q(
          `INSERT INTO callback_re_report_proposal (id, ticket_id, task_id, survey_id, assignment_id, lead_unit_id, reasons, state) VALUES ($1, $2, $3, $4, $5, $6, '{RESULT_DISSATISFIED}', $7)`,
          [id, s.ticketId, randomUUID(), s.id, a.id, units[0], c.accepted ? "ACCEPTED" : "PENDING"],
        );
        state.proposals.push(id);
      }
      return;
    }
    case "accept": {
      const p = pick(state.proposals, c.proposal);
      if (p) {
        await q(`UPDATE callback_re_report_proposal SET state = 'ACCEPTED', decided_at = now() WHERE id = $1`, [p]);
      }
      return;
    }
    case "retime": {
      const ticket = pick(state.tickets, c.ticket);
      if (ticket) {
        await q(`UPDATE intake_ticket SET received_at = received_at + make_interval(hours => $2), request_type = $3, district_id = $4 WHERE id = $1`, [
          ticket,
          c.hours,
          c.type ? "suggestion" : "complaint",
          c.district ? world.otherDistrict.id : world.district.id,
        ]);
      }
      return;
    }
    case "reassign": {
      const a = pick(state.assignments, c.assignment);
      if (a) {
        await q(`UPDATE routing_assignment SET lead_unit_id = $2, dispatched_at = dispatched_at + make_interval(hours => $3) WHERE id = $1`, [a.id, units[c.unit], c.hours]);
      }
      return;
    }
    case "resurvey": {
      const survey = pick(state.surveys, c.survey);
      if (survey) {
        await q(`UPDATE callback_survey SET result_satisfaction = $2, reasonable = $3, answered_at = answered_at + make_interval(hours => $4) WHERE id = $1`, [survey.id, c.result, c.reasonable, c.hours]);
      }
      return;
    }
    case "reissue": {
      const a = pick(state.assignments, c.assignment);
      if (a) {
        await q(`UPDATE supervision_order SET unit_id = $2, issued_at = issued_at + make_interval(hours => $3) WHERE assignment_id = $1`, [a.id, units[c.unit], c.hours]);
      }
      return;
    }
    case "followUp": {
      const a = pick(state.assignments, c.assignment);
      if (a) {
        await q(`UPDATE routing_assignment SET follow_up_count = follow_up_count + 1, last_follow_up_at = now() WHERE id = $1`, [a.id]);
      }
      return;
    }
    case "order": {
      const a = pick(state.assignments, c.assignment);
      if (a) {
        const [u] = (await q(`SELECT lead_unit_id FROM routing_assignment WHERE id = $1`, [a.id])) as Array<{ lead_unit_id: string }>;
        await q(
          `INSERT INTO supervision_order (ticket_id, assignment_id, unit_id, level, state, reason, issued_at, issued_by_name, response_due_at)
           VALUES ($1, $2, $3, 'REMINDER', 'CLOSED', '请尽快办理', $4, 'test', $4)`,
          [a.ticketId, a.id, u!.lead_unit_id, new Date(a.at + c.after * MIN)],
        );
      }
      return;
    }
  }
}

beforeAll(async () => {
  db = await searchTestDatabase();
  world = await buildSearchWorld(db);
  const sub = await db.dataSource.getRepository(Unit).save({ code: `P-A1-${randomUUID().slice(0, 6)}`, nameZh: "下级单位", nameEn: "Sub-unit", kind: "BUREAU", areaId: world.city.id, parentId: world.unitA.id });
  units = [world.unitA.id, world.unitB.id, world.unitC.id, sub.id];
  categories = [world.leaf.id, world.otherLeaf.id, world.outside.id];
  townships = [null, world.township.id, world.otherTownship.id];
  // a holiday in the middle of the range, so that working times skip a weekday
  await db.dataSource.transaction((m) => setCalendarOverride(m, { day: "2026-11-04", working: false, note: "停工", actor: staff("管理员", [Role.ADMIN]) }));
  await db.dataSource.transaction((m) => refreshMeasureCalendar(m));
}, 60_000);

afterAll(async () => db?.destroy());

describe("measures aggregate (property)", () => {
  it("equals the direct computation after any event sequence, and after a rebuild", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(command.map((c) => [c]), fc.array(command, { minLength: 2, maxLength: 4 })), { minLength: 1, maxLength: 25 }),
        fc.boolean(),
        async (batches, rebuild) => {
          // each run starts from nothing: deleting every source row (triggers fire on deletes too) empties the aggregate
          await db.dataSource.transaction(async (m) => {
            for (const table of ["callback_re_report_proposal", "callback_survey", "supervision_order", "routing_return_request", "routing_assignment", "intake_ticket"]) {
              await m.query(`DELETE FROM ${table}`);
            }
          });
          expect(entries(await maintainedAggregate(db.dataSource))).toEqual([]);
          const state: State = { tickets: [], assignments: [], surveys: [], proposals: [] };
          for (const batch of batches) {
            // a batch is one transaction (several rows of one or more tickets changed together)
            await db.dataSource.transaction(async (manager) => {
              for (const c of batch) {
                await run((sql, params) => manager.query(sql, params), state, c);
              }
            });
          }
          expect(entries(await maintainedAggregate(db.dataSource))).toEqual(entries(await directAggregate(db.dataSource)));
          if (rebuild) {
            await rebuildMeasures(db.dataSource);
            expect(entries(await maintainedAggregate(db.dataSource))).toEqual(entries(await directAggregate(db.dataSource)));
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 300_000);
});
