import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type GraphQLResponse, type TestGateway } from "./harness.js";

type Order = { id: string; ticketId: string; trackingNumber: string; level: string; state: string; unitNameZh: string; reason: string; timeline: Array<{ action: string; actorName: string }> };
const ORDER = "id ticketId trackingNumber level state unitNameZh reason timeline { action actorName }";

let gateway: TestGateway;
const cookies: Record<string, string> = {};

async function ok<T>(response: Promise<GraphQLResponse<T>>): Promise<T> {
  const result = await response;
  expect(result.errors).toBeUndefined();
  return result.data!;
}

async function code(response: Promise<GraphQLResponse>): Promise<string | undefined> {
  const result = await response;
  return result.errors?.[0]?.extensions?.code;
}

beforeAll(async () => {
  gateway = await startTestGateway();
  for (const user of ["handler", "handler.qingcheng", "supervisor", "operator", "leader"]) {
    cookies[user] = await gateway.login(user);
  }
});
afterAll(() => gateway?.stop());

describe("supervision orders over HTTP on the demo data", () => {
  it("the demo order waits in the education bureau's workbench, not in another unit's; the unit answers it and the supervisor closes it", async () => {
    const mine = await ok(gateway.gql<{ unitSupervisionOrders: Order[] }>(`{ unitSupervisionOrders { ${ORDER} } }`, undefined, cookies.handler));
    expect(mine.unitSupervisionOrders).toHaveLength(1);
    const order = mine.unitSupervisionOrders[0]!;
    expect(order).toMatchObject({ level: "REMINDER", state: "OPEN", unitNameZh: "淄博市教育局" });
    const other = await ok(gateway.gql<{ unitSupervisionOrders: Order[] }>(`{ unitSupervisionOrders { id } }`, undefined, cookies["handler.qingcheng"]));
    expect(other.unitSupervisionOrders).toEqual([]);
    expect(await code(gateway.gql(`query($id: ID!) { supervisionOrder(id: $id) { id } }`, { id: order.id }, cookies["handler.qingcheng"]))).toBe("SUPERVISION/NOT_YOUR_UNIT");
    const answer = `mutation($o: ID!, $t: String!, $d: DateTimeISO!) { answerSupervisionOrder(orderId: $o, text: $t, expectedDoneAt: $d) { ${ORDER} } }`;
    const vars = { o: order.id, t: "已约谈学校，本周内完成调查。", d: new Date(Date.now() + 3 * 86_400_000).toISOString() };
    expect(await code(gateway.gql(answer, vars, cookies["handler.qingcheng"]))).toBe("SUPERVISION/NOT_YOUR_UNIT");
    expect(await code(gateway.gql(`{ supervisionOrders { id } }`, undefined, cookies.operator))).toBe("FORBIDDEN");
    expect(await code(gateway.gql(`mutation($o: ID!) { closeSupervisionOrder(orderId: $o) { id } }`, { o: order.id }, cookies.supervisor))).toBe("SUPERVISION/ORDER_NOT_ANSWERED");

    const answered = await ok(gateway.gql<{ answerSupervisionOrder: Order }>(answer, vars, cookies.handler));
    expect(answered.answerSupervisionOrder.state).toBe("ANSWERED");
    const closed = await ok(gateway.gql<{ closeSupervisionOrder: Order }>(`mutation($o: ID!) { closeSupervisionOrder(orderId: $o, note: "满意") { ${ORDER} } }`, { o: order.id }, cookies.supervisor));
    expect(closed.closeSupervisionOrder.state).toBe("CLOSED");
    expect(closed.closeSupervisionOrder.timeline.map((step) => step.action)).toEqual(["ISSUED", "ANSWERED", "CLOSED"]);
    const counts = await ok(gateway.gql<{ supervisionOrderCounts: Array<{ unitNameZh: string; total: number; closed: number }> }>(`{ supervisionOrderCounts { unitNameZh total closed } }`, undefined, cookies.leader));
    expect(counts.supervisionOrderCounts.find((row) => row.unitNameZh === "淄博市教育局")).toMatchObject({ total: 1, closed: 1 });
  });

  it("refuses a deadline in the past and a second open order at a level, with codes; the development tool needs a supervisor", async () => {
    const [ticket] = await ok(gateway.gql<{ supervisionOrders: Order[] }>(`{ supervisionOrders(filter: { states: [OPEN, ANSWERED, CLOSED] }) { ${ORDER} } }`, undefined, cookies.supervisor)).then((data) => data.supervisionOrders);
    const issue = `mutation($i: IssueSupervisionOrderInput!) { issueSupervisionOrder(input: $i) { ${ORDER} } }`;
    const past = await gateway.gql(issue, { i: { ticketId: ticket!.ticketId, level: "FORMAL", reason: "请加快办理。", responseDueAt: new Date(Date.now() - 60_000).toISOString() } }, cookies.supervisor);
    expect(past.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(past.errors?.[0]?.extensions?.fields?.[0]?.field).toBe("responseDueAt");
    const issued = await ok(gateway.gql<{ issueSupervisionOrder: Order }>(issue, { i: { ticketId: ticket!.ticketId, level: "FORMAL", reason: "请加快办理。" } }, cookies.supervisor));
    expect(await code(gateway.gql(issue, { i: { ticketId: ticket!.ticketId, level: "FORMAL", reason: "再次督办。" } }, cookies.supervisor))).toBe("SUPERVISION/ORDER_ALREADY_OPEN");
    expect(await code(gateway.gql(issue, { i: { ticketId: "00000000-0000-4000-8000-000000000000", level: "FORMAL", reason: "请加快办理。" } }, cookies.supervisor))).toBe("SUPERVISION/TICKET_NOT_FOUND");

    const expire = (cookie?: string) => fetch(`${gateway.url}/dev/supervision-orders/${issued.issueSupervisionOrder.id}/expire`, { method: "POST", headers: cookie ? { cookie } : {} });
    expect((await expire()).status).toBe(401);
    expect((await expire(cookies.handler)).status).toBe(403);
    const response = await expire(cookies.supervisor);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ expired: true });
  });
});
