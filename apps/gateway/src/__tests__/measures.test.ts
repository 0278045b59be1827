import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { rebuildMeasures } from "@civicline/supervision";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type GraphQLResponse, type TestGateway } from "./harness.js";

/** The measures over HTTP on the demo data: figures, drill-down to the tickets behind them, access, bad input, the rebuild command. */
let gateway: TestGateway;
const cookies: Record<string, string> = {};

type CountName =
  | "received" | "direct" | "dispatched" | "replied" | "rereported" | "due" | "onTime" | "orders"
  | "surveyAnswered" | "surveyReasonable" | "resultSatisfied" | "processAnswered" | "processSatisfied";
type Figure = { numerator: number; denominator: number | null; value: number | null; numeratorCounter: string; denominatorCounter: string | null };
type MeasureSet = { volume: Figure; directHandlingRate: Figure; onTimeRate: Figure; returnRate: Figure; processSatisfactionRate: Figure; counts: Record<CountName, number> };
type Measures = { period: { from: string; to: string; days: number }; previousPeriod: { from: string; to: string }; current: MeasureSet; previous: MeasureSet; byUnit: Array<{ key: string; nameZh: string; set: MeasureSet }> };
const FIGURE = "numerator denominator value numeratorCounter denominatorCounter";
const SET = `volume { ${FIGURE} } directHandlingRate { ${FIGURE} } onTimeRate { ${FIGURE} } returnRate { ${FIGURE} } processSatisfactionRate { ${FIGURE} }
  counts { received direct dispatched replied rereported due onTime orders surveyAnswered surveyReasonable resultSatisfied processAnswered processSatisfied }`;
const QUERY = `query($f: MeasureFilterInputType!) { measures(filter: $f) { period { from to days } previousPeriod { from to } current { ${SET} } previous { ${SET} } byUnit { key nameZh set { ${SET} } } } }`;

async function ok<T>(response: Promise<GraphQLResponse<T>>): Promise<T> {
  const result = await response;
  expect(result.errors).toBeUndefined();
  return result.data!;
}

const year = { period: { kind: "YEAR" } };

beforeAll(async () => {
  gateway = await startTestGateway();
  for (const user of ["supervisor", "leader", "handler", "operator", "admin", "callback"]) {
    cookies[user] = await gateway.login(user);
  }
}, 120_000);
afterAll(() => gateway?.stop());

describe("measures over HTTP (demo data)", () => {
  it("a leader reads this year's figures with numerator, denominator and the previous year; numerators list their tickets in the search", async () => {
    const { measures } = await ok(gateway.gql<{ measures: Measures }>(QUERY, { f: year }, cookies.leader));
    const c = measures.current;
    expect(c.volume.numerator).toBeGreaterThan(0);
    expect(c.volume.numerator).toBe(c.counts.received);
    expect(c.directHandlingRate.denominator).toBe(c.counts.received);
    expect(c.directHandlingRate.value).toBeCloseTo(c.counts.direct / c.counts.received, 12);
    expect(c.onTimeRate).toMatchObject({ numerator: c.counts.onTime, denominator: c.counts.due, numeratorCounter: "ON_TIME", denominatorCounter: "DUE" });
    expect(measures.previousPeriod.to < measures.period.from).toBe(true);
    // every dispatch belongs to a unit: the units' rows add up to the total
    expect(measures.byUnit.reduce((sum, row) => sum + row.set.counts.dispatched, 0)).toBe(c.counts.dispatched);
    // the tickets behind "received": exactly as many as the figure counts (each ticket is received once)
    const search = await ok(
      gateway.gql<{ searchTickets: { total: number | null } }>(
        `query($f: TicketSearchFilter) { searchTickets(filter: $f, first: 5) { total } }`,
        { f: { measure: { counter: "RECEIVED", from: measures.period.from, to: measures.period.to } } },
        cookies.supervisor,
      ),
    );
    expect(search.searchTickets.total).toBe(c.counts.received);
  });

  it("a handler reads only their unit; other roles are refused; bad input is a coded field error", async () => {
    const mine = await ok(gateway.gql<{ measures: Measures }>(QUERY, { f: year }, cookies.handler));
    const all = await ok(gateway.gql<{ measures: Measures }>(QUERY, { f: year }, cookies.supervisor));
    expect(mine.measures.byUnit.length).toBeLessThanOrEqual(1);
    expect(mine.measures.current.counts.dispatched).toBeLessThanOrEqual(all.measures.current.counts.dispatched);
    const other = all.measures.byUnit.find((row) => row.key !== mine.measures.byUnit[0]?.key);
    const refused = await gateway.gql(QUERY, { f: { ...year, unitId: other!.key } }, cookies.handler);
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await gateway.gql(QUERY, { f: year }, cookies.operator)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await gateway.gql(QUERY, { f: year })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const bad = await gateway.gql(QUERY, { f: { period: { kind: "CUSTOM", from: "2026-12-01", to: "2026-11-01" } } }, cookies.supervisor);
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(bad.errors?.[0]?.extensions?.fields?.[0]?.field).toBe("period.to");
    expect(JSON.stringify(bad.errors)).not.toMatch(/supervision_measure|SELECT/);
  });

  it("a reply, its callback answer and the accepted re-report move today's figures by exactly one each (the real flow over HTTP)", async () => {
    const { me } = await ok(gateway.gql<{ me: { unitId: string } }>(`{ me { unitId } }`, undefined, cookies.handler));
    const today = { period: { kind: "DAY" }, unitId: me.unitId };
    const counts = async () => (await ok(gateway.gql<{ measures: Measures }>(QUERY, { f: today }, cookies.supervisor))).measures.current.counts;
    const before = await counts();
    const inbox = await ok(gateway.gql<{ unitInbox: Array<{ state: string; ticket: { id: string; trackingNumber: string } }> }>("{ unitInbox { state ticket { id trackingNumber } } }", undefined, cookies.handler));
    const open = inbox.unitInbox.find((item) => item.state === "DISPATCHED" || item.state === "SIGNED_FOR")!;
    if (open.state === "DISPATCHED") {
      await ok(gateway.gql("mutation($t: ID!) { signFor(ticketId: $t) { state } }", { t: open.ticket.id }, cookies.handler));
    }
    await ok(gateway.gql("mutation($t: ID!, $i: ReplyInput!) { replyToTicket(ticketId: $t, input: $i) { state } }", { t: open.ticket.id, i: { outcome: "EXPLAINED", text: "已调查处理并答复当事人。", withoutAssistInput: true } }, cookies.handler));
    let taskId: string | undefined;
    await expect
      .poll(async () => {
        const data = await ok(gateway.gql<{ callbackQueue: { items: Array<{ id: string; ticket: { trackingNumber: string } }> } }>(`{ callbackQueue(limit: 200) { items { id ticket { trackingNumber } } } }`, undefined, cookies.callback));
        taskId = data.callbackQueue.items.find((item) => item.ticket.trackingNumber === open.ticket.trackingNumber)?.id;
        return taskId;
      }, { timeout: 10_000 })
      .toBeDefined();
    await ok(gateway.gql(`mutation($id: ID!) { claimCallbackTask(id: $id) { id } }`, { id: taskId }, cookies.callback));
    await ok(
      gateway.gql(
        `mutation($input: CallbackAttemptInput!) { recordCallbackAttempt(input: $input) { id } }`,
        { input: { taskId, outcome: "REACHED", answers: { resolution: "UNRESOLVED", resultSatisfaction: "DISSATISFIED", processSatisfaction: "SATISFIED", reasonable: true } } },
        cookies.callback,
      ),
    );
    const proposals = await ok(gateway.gql<{ reReportProposals: { items: Array<{ id: string; trackingNumber: string }> } }>("{ reReportProposals { items { id trackingNumber } } }", undefined, cookies.supervisor));
    const proposal = proposals.reReportProposals.items.find((item) => item.trackingNumber === open.ticket.trackingNumber)!;
    await ok(gateway.gql(`mutation($id: ID!) { decideReReport(id: $id, accept: true, note: "请继续跟进") { state } }`, { id: proposal.id }, cookies.supervisor));
    const after = await counts();
    // one reply (re-reported), one reasonable answer not satisfied with the result but with the service, one more dispatch (the re-report)
    expect({
      replied: after.replied - before.replied,
      rereported: after.rereported - before.rereported,
      surveyAnswered: after.surveyAnswered - before.surveyAnswered,
      surveyReasonable: after.surveyReasonable - before.surveyReasonable,
      resultSatisfied: after.resultSatisfied - before.resultSatisfied,
      processAnswered: after.processAnswered - before.processAnswered,
      processSatisfied: after.processSatisfied - before.processSatisfied,
      dispatched: after.dispatched - before.dispatched,
    }).toEqual({ replied: 1, rereported: 1, surveyAnswered: 1, surveyReasonable: 1, resultSatisfied: 0, processAnswered: 1, processSatisfied: 1, dispatched: 1 });
  }, 60_000);

  it("the definitions are served for the help texts, the on-time rule included", async () => {
    const { measureDefinitions } = await ok(gateway.gql<{ measureDefinitions: Array<{ key: string; definitionZh: string; definitionEn: string }> }>(`{ measureDefinitions { key definitionZh definitionEn } }`));
    expect(measureDefinitions.find((d) => d.key === "onTimeRate")?.definitionEn).toContain("settlement day");
  });

  it("rebuild-measures (the command) recomputes the same aggregate the triggers kept", async () => {
    // the cells with their stripes summed (the rebuild writes one stripe)
    const keys = "day, unit_id, category_id, district_id, township_id, channel, request_type";
    const dump = () =>
      gateway.db.dataSource.query(
        `SELECT ${keys}, ${["received", "dispatched", "replied", "due", "orders", "process_answered"].map((c) => `sum(${c})::int AS ${c}`).join(", ")}
           FROM supervision_measure_day GROUP BY ${keys} HAVING sum(received + dispatched + replied + due + orders + process_answered) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7`,
      );
    const maintained = await dump();
    expect(maintained.length).toBeGreaterThan(0);
    await gateway.db.dataSource.query(`UPDATE supervision_measure_day SET received = received + 1000`);
    const cli = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
    const { stderr } = await promisify(execFile)(process.execPath, [cli, "rebuild-measures"], { env: { ...process.env, DATABASE_URL: gateway.db.url, LOG_LEVEL: "warn" } });
    expect(stderr).not.toMatch(/error/i);
    expect(await dump()).toEqual(maintained);
    const again = await rebuildMeasures(gateway.db.dataSource);
    expect(again.tickets).toBeGreaterThan(0);
  }, 120_000);
});
