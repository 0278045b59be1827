import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "./harness.js";
import { pubsubSettled, subscribedOn } from "./subscriptions.js";

/**
 * Leader sessions over the real gateway: the demo session at seat A01 marks the call the demo
 * operator logs now (through the outbox handler the supervision module registers) and pushes the
 * leader's page; instructions reach the ticket's unit only; bad input is answered with codes.
 */
let gateway: TestGateway;
const clients: Client[] = [];

beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await gateway?.stop();
});

const PAGE = `{ leaderPage { leaderId sessions { seat } sessionTickets { trackingNumber sessionId } matters { kind tickets { ticketId trackingNumber instructionCount leadUnitName } } } }`;
type Page = { leaderPage: { leaderId: string; sessions: Array<{ seat: string }>; sessionTickets: Array<{ trackingNumber: string; sessionId: string }>; matters: Array<{ kind: string; tickets: Array<{ ticketId: string; trackingNumber: string; instructionCount: number; leadUnitName: string | null }> }> } };

describe("leader sessions through the gateway", () => {
  it("marks a call logged at the session's seat, pushes the leader's page and records it in the ticket's history", async () => {
    const [leader, operator] = await Promise.all([gateway.login("leader"), gateway.login("operator")]);
    // the demo's own call at A01 is marked once the seed's events are handled; then start listening afresh
    const taken = async () => (await gateway.gql<Page>(PAGE, {}, leader)).data!.leaderPage.sessionTickets.map((ticket) => ticket.trackingNumber);
    await expect.poll(async () => (await taken()).length, { timeout: 15_000 }).toBeGreaterThan(0);
    let pushes: unknown[] = [];
    const client = gateway.wsClient(leader);
    clients.push(client);
    await subscribedOn(gateway.app, () => {
      client.subscribe({ query: "subscription { leaderPageChanged }" }, { next: (value) => void pushes.push(value), error: () => undefined, complete: () => undefined });
    });

    await pubsubSettled(gateway.app);
    pushes = [];
    const catalog = await gateway.gql<{ categories: Array<{ id: string; code: string }>; areas: Array<{ id: string; nameZh: string }> }>("{ categories { id code } areas { id nameZh } }");
    const logged = await gateway.gql<{ logCall: { id: string; trackingNumber: string } }>(
      `mutation($input: LogCallInput!) { logCall(input: $input) { id trackingNumber } }`,
      {
        input: {
          requestType: "COMPLAINT",
          categoryId: catalog.data!.categories.find((category) => category.code === "EDU.BULLYING")!.id,
          description: "孩子在学校被高年级学生勒索零花钱，请教育部门处理。",
          districtId: catalog.data!.areas.find((area) => area.nameZh === "张店区")!.id,
          address: "张店区人民路 3 号",
          citizenName: "周女士",
          phone: "13855556666",
          extraFields: [{ key: "schoolName", value: "张店区某小学" }],
        },
      },
      operator,
    );
    expect(logged.errors).toBeUndefined();
    const { id, trackingNumber } = logged.data!.logCall;

    await expect.poll(() => pushes.length, { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(taken, { timeout: 15_000 }).toContain(trackingNumber);
    const page = await gateway.gql<Page>(PAGE, {}, leader);
    expect(page.errors).toBeUndefined();
    expect(page.data!.leaderPage.sessions.map((session) => session.seat)).toContain("A01");
    expect(page.data!.leaderPage.sessionTickets.map((ticket) => ticket.trackingNumber)).toContain(trackingNumber);
    const history = await gateway.gql<{ ticket: { history: Array<{ kind: string; actorName: string }> } }>("query($id: ID!) { ticket(id: $id) { history { kind actorName } } }", { id }, leader);
    expect(history.data!.ticket.history.filter((entry) => entry.kind === "LEADER_SESSION_TICKET").map((entry) => entry.actorName)).toEqual(["陈军 (Leader)"]);
  });

  it("shows the demo instruction to the education bureau's handler and not to another unit's", async () => {
    const [leader, handler, other] = await Promise.all([gateway.login("leader"), gateway.login("handler"), gateway.login("handler.urban")]);
    const page = await gateway.gql<Page>(PAGE, {}, leader);
    const ticket = page.data!.leaderPage.matters.flatMap((matter) => matter.tickets).find((candidate) => candidate.instructionCount > 0)!;
    expect(ticket.leadUnitName).toBe("淄博市教育局");
    const query = "query($t: ID!) { leaderInstructions(ticketId: $t) { leaderName text } }";
    const seen = await gateway.gql<{ leaderInstructions: Array<{ leaderName: string; text: string }> }>(query, { t: ticket.ticketId }, handler);
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.leaderInstructions.map((instruction) => instruction.leaderName)).toEqual(["陈军 (Leader)"]);
    const refused = await gateway.gql(query, { t: ticket.ticketId }, other);
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(["FORBIDDEN"]);

    // a new instruction is pushed to the unit's open workbench (routingChanged), and it reads it
    const pushes: unknown[] = [];
    const client = gateway.wsClient(handler);
    clients.push(client);
    await subscribedOn(gateway.app, () => {
      client.subscribe({ query: "subscription { routingChanged }" }, { next: (value) => void pushes.push(value), error: () => undefined, complete: () => undefined });
    });
    await pubsubSettled(gateway.app);
    pushes.length = 0;
    const added = await gateway.gql("mutation($t: ID!) { addLeaderInstruction(ticketId: $t, text: \"请本周内反馈进展。\") { id } }", { t: ticket.ticketId }, leader);
    expect(added.errors).toBeUndefined();
    await expect.poll(() => pushes.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const now = await gateway.gql<{ leaderInstructions: Array<{ text: string }> }>(query, { t: ticket.ticketId }, handler);
    expect(now.data!.leaderInstructions[0]!.text).toBe("请本周内反馈进展。");
  });

  it("answers bad input with coded errors and stores nothing", async () => {
    const [supervisor, leader] = await Promise.all([gateway.login("supervisor"), gateway.login("leader")]);
    const leaders = await gateway.gql<{ leaders: Array<{ id: string }> }>("{ leaders { id } }", {}, supervisor);
    const leaderId = leaders.data!.leaders[0]!.id;
    const countSessions = async () => Number((await gateway.db.dataSource.query("SELECT count(*)::int AS n FROM supervision_leader_session"))[0].n);
    const before = await countSessions();
    const start = new Date(Date.now() + 24 * 3600_000);
    const schedule = await gateway.gql(
      "mutation($i: ScheduleLeaderSessionInput!) { scheduleLeaderSession(input: $i) { id } }",
      { i: { leaderId, seat: "A01", startsAt: start.toISOString(), endsAt: new Date(start.getTime() - 3600_000).toISOString(), leaderTitle: "区长", leaderUnit: "张店区人民政府" } },
      supervisor,
    );
    expect(schedule.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(schedule.errors?.[0]?.extensions?.fields?.map((field) => field.field)).toEqual(["endsAt"]);
    expect(await countSessions()).toBe(before);

    const toNonLeader = await gateway.gql(
      "mutation($i: AssignToLeaderInput!) { assignToLeader(input: $i) { id } }",
      // an account that exists but is no leader: the supervisor themself
      { i: { leaderId: (await gateway.gql<{ me: { id: string } }>("{ me { id } }", {}, supervisor)).data!.me.id, trackingNumbers: ["ZB-20200101-00001"] } },
      supervisor,
    );
    expect(toNonLeader.errors?.[0]?.extensions?.code).toBe("SUPERVISION/NOT_A_LEADER");
    const empty = await gateway.gql("mutation($t: ID!) { addLeaderInstruction(ticketId: $t, text: \"  \") { id } }", { t: leaderId }, leader);
    expect(empty.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(JSON.stringify(empty.errors)).not.toMatch(/SELECT|stack|at \//);
  });
});
