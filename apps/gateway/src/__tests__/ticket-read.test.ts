import { readFileSync } from "node:fs";
import { PostgresQueryRunner } from "typeorm/driver/postgres/PostgresQueryRunner.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { settleBackground, startTestGateway, type GraphQLResponse, type TestGateway } from "./harness.js";

// The operator console's ticket page query, as the console sends it.
const TICKET_DETAIL = readFileSync(new URL("../../../operator/src/graphql/TicketDetail.graphql", import.meta.url), "utf8");

type Detail = {
  id: string;
  trackingNumber: string;
  category: { code: string; fields: unknown[] };
  district: { nameZh: string };
  township: { nameZh: string } | null;
  citizenPhone: string;
  attachments: unknown[];
  links: Array<{ kind: string; ticket: { id: string; trackingNumber: string; status: string } }>;
  coReporters: Array<{ name: string; phone: string; addedAt: string }>;
  emergencyHandoffs: Array<{ service: string; reference: string; handedOffAt: string; checklist: string[] }>;
  history: Array<{ id: string; at: string; toStatus: string; kind: string; actorName: string; noteCode: string | null; noteParams: Array<{ name: string; value: string }> }>;
};

let gateway: TestGateway;
let operator: string;
let dispatcher: string;

async function ok<T>(response: Promise<GraphQLResponse<T>>): Promise<T> {
  const result = await response;
  expect(result.errors).toBeUndefined();
  return result.data!;
}

beforeAll(async () => {
  gateway = await startTestGateway();
  operator = await gateway.login("operator");
  dispatcher = await gateway.login("dispatcher");
});
afterAll(async () => {
  await gateway?.stop();
});

const LOG = "mutation($input: LogCallInput!) { logCall(input: $input) { id trackingNumber version } }";

describe("the operator console's ticket query", () => {
  it("reads the ticket, its references and every list in one SQL statement (target: at most 3), the same as the rows say", async () => {
    const db = gateway.db.dataSource;
    const [category] = await db.query("SELECT id FROM intake_category WHERE code = 'URBAN.SANITATION'");
    const [district] = await db.query("SELECT id FROM intake_area WHERE name_zh = '张店区'");
    const [township] = await db.query("SELECT id FROM intake_area WHERE parent_id = $1 ORDER BY code LIMIT 1", [district.id]);
    const input = (phone: string, address: string) => ({ requestType: "COMPLAINT", categoryId: category.id, description: "垃圾桶满了好几天没人清运", districtId: district.id, townshipId: township.id, address, citizenName: "赵先生", phone });
    const target = (await ok(gateway.gql<{ logCall: { id: string; trackingNumber: string; version: number } }>(LOG, { input: input("13800001111", "人民路 1 号") }, operator))).logCall;
    const duplicate = (await ok(gateway.gql<{ logCall: { id: string; version: number } }>(LOG, { input: input("13800002222", "人民路 1 号") }, operator))).logCall;
    const related = (await ok(gateway.gql<{ logCall: { id: string; trackingNumber: string } }>(LOG, { input: input("13800003333", "人民路 9 号") }, operator))).logCall;
    await ok(gateway.gql("mutation($t: ID!, $v: Int!, $i: ID!) { mergeIntoTicket(ticketId: $t, version: $v, intoTicketId: $i) { id } }", { t: duplicate.id, v: duplicate.version, i: target.id }, operator));
    await ok(gateway.gql("mutation($t: ID!, $o: ID!) { linkTickets(ticketId: $t, otherTicketId: $o, kind: RELATED) { id } }", { t: related.id, o: target.id }, dispatcher));
    await ok(gateway.gql(
      "mutation($t: ID!, $i: EmergencyHandoffInput!) { recordEmergencyHandoff(ticketId: $t, input: $i) { id } }",
      { t: target.id, i: { service: "FIRE_119", reference: "119-2026-0042", checklist: ["地址已核实", "已告知来电人"] } },
      operator,
    ));

    const read = () => gateway.gql<{ ticket: Detail }>(TICKET_DETAIL, { id: target.id }, operator);
    await ok(read());
    // Statements the request sends; the outbox, timers, schedules and pushes work on the same pool meanwhile.
    // (The texts to citizens are delivered by durable timers: callback_sms_notice, platform_sms_message.)
    const BACKGROUND =
      /platform_outbox|platform_timer|platform_schedule|supervision_chasing|callback_sms_notice|platform_sms_message|pg_notify|pg_advisory|SAVEPOINT|^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/u;
    const runs: string[][] = [];
    for (let run = 0; run < 3; run += 1) {
      await settleBackground(gateway);
      const spy = vi.spyOn(PostgresQueryRunner.prototype, "query");
      await ok(read());
      runs.push(spy.mock.calls.map((call) => String(call[0]).replace(/\s+/gu, " ")).filter((sql) => !BACKGROUND.test(sql)));
      spy.mockRestore();
    }
    const quietest = runs.reduce((best, run) => (run.length < best.length ? run : best));
    expect(quietest.length, quietest.map((sql) => sql.slice(0, 120)).join("\n")).toBe(1);

    const { ticket } = await ok(read());
    expect(ticket).toMatchObject({ id: target.id, trackingNumber: target.trackingNumber, category: { code: "URBAN.SANITATION" }, district: { nameZh: "张店区" }, citizenPhone: "13800001111", attachments: [] });
    expect(ticket.township).not.toBeNull();
    expect(ticket.links).toEqual(
      expect.arrayContaining([
        { kind: "RELATED", ticket: { id: related.id, trackingNumber: related.trackingNumber, status: "RECEIVED" } },
      ]),
    );
    expect(ticket.coReporters).toEqual([{ name: "赵先生", phone: "13800002222", addedAt: expect.any(String) }]);
    expect(ticket.emergencyHandoffs).toEqual([expect.objectContaining({ service: "FIRE_119", reference: "119-2026-0042", checklist: ["地址已核实", "已告知来电人"] })]);
    const rows: Array<{ id: string; at: Date; to_status: string; kind: string; actor_name: string; note_code: string | null }> = await db.query(
      "SELECT id, at, to_status, kind, actor_name, note_code FROM intake_ticket_history WHERE ticket_id = $1 ORDER BY id",
      [target.id],
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(ticket.history.map((entry) => [entry.id, new Date(entry.at).toISOString(), entry.toStatus.toLowerCase(), entry.kind.toLowerCase(), entry.actorName, entry.noteCode?.toLowerCase() ?? null])).toEqual(
      rows.map((row) => [String(row.id), row.at.toISOString(), row.to_status, row.kind, row.actor_name, row.note_code]),
    );
    expect(ticket.history.some((entry) => entry.noteParams.length > 0)).toBe(true);
  });
});
