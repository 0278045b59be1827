import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "./harness.js";

/**
 * Hot issues and the department ranking over the real gateway: a planted burst of portal requests
 * is found, its tickets come without callers' phones, duplicates merge all-or-none; ranking weights
 * are admin-only new versions; every refusal is a coded error with nothing stored.
 */
let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(async () => {
  await gateway?.stop();
});

type Catalog = { categories: Array<{ id: string; code: string }>; areas: Array<{ id: string; nameZh: string }> };
const HOT = `query($w: HotWindow) { hotIssues(window: $w) { statistic minCount alpha issues { categoryId districtId districtName count expected windowStart windowEnd trend { count current } } } }`;
const TICKETS = `query($c: ID!, $d: ID!, $f: DateTimeISO!, $t: DateTimeISO!) { hotIssueTickets(categoryId: $c, districtId: $d, from: $f, to: $t) { total tickets { id trackingNumber version status mergeable } } }`;
const MERGE = `mutation($into: ID!, $dups: [HotDuplicateInput!]!) { mergeHotIssueDuplicates(intoTicketId: $into, duplicates: $dups) }`;
type Hot = { hotIssues: { statistic: string; minCount: number; alpha: number; issues: Array<{ categoryId: string; districtId: string; districtName: string; count: number; expected: number; windowStart: string; windowEnd: string; trend: Array<{ count: number; current: boolean }> }> } };
type Tickets = { hotIssueTickets: { total: number; tickets: Array<{ id: string; trackingNumber: string; version: number; status: string; mergeable: boolean }> } };

describe("hot issues through the gateway", () => {
  it("finds a planted burst, lists its tickets without phones and merges duplicates all or none", async () => {
    const catalog = (await gateway.gql<Catalog>("{ categories { id code } areas { id nameZh } }")).data!;
    const categoryId = catalog.categories.find((category) => category.code === "EDU.BULLYING")!.id;
    const districtId = catalog.areas.find((area) => area.nameZh === "桓台县")!.id;
    for (let index = 0; index < 6; index += 1) {
      const submitted = await gateway.gql(`mutation($i: SubmitRequestInput!) { submitRequest(input: $i) { trackingNumber } }`, {
        i: { requestType: "COMPLAINT", categoryId, description: `校门口学生被围堵，第 ${index + 1} 位家长反映。`, districtId, address: "桓台县实验小学", citizenName: `家长${index}`, phone: `1377777${String(1000 + index).slice(-4)}` },
      });
      expect(submitted.errors).toBeUndefined();
    }
    const [supervisor, leader, handler] = await Promise.all([gateway.login("supervisor"), gateway.login("leader"), gateway.login("handler")]);
    const hot = (await gateway.gql<Hot>(HOT, { w: "WEEK" }, supervisor)).data!.hotIssues;
    expect(hot.minCount).toBe(5);
    expect(hot.statistic).toContain("Poisson");
    const issue = hot.issues.find((candidate) => candidate.categoryId === categoryId && candidate.districtId === districtId)!;
    expect(issue).toMatchObject({ districtName: "桓台县", count: 6 });
    expect(issue.trend.at(-1)).toEqual({ count: 6, current: true });

    const forbidden = await gateway.gql(HOT, {}, handler);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const anonymous = await gateway.gql(HOT, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");

    const listed = await gateway.gql<Tickets>(TICKETS, { c: categoryId, d: districtId, f: issue.windowStart, t: issue.windowEnd }, leader);
    const tickets = listed.data!.hotIssueTickets.tickets;
    expect(listed.data!.hotIssueTickets.total).toBe(6);
    expect(tickets.every((ticket) => ticket.mergeable)).toBe(true);
    expect(JSON.stringify(listed)).not.toContain("1377777");

    const [keep, first, second] = tickets;
    const stale = await gateway.gql(MERGE, { into: keep!.id, dups: [{ ticketId: first!.id, version: first!.version }, { ticketId: second!.id, version: second!.version + 1 }] }, supervisor);
    expect(stale.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const byLeader = await gateway.gql(MERGE, { into: keep!.id, dups: [{ ticketId: first!.id, version: first!.version }] }, leader);
    expect(byLeader.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const empty = await gateway.gql(MERGE, { into: keep!.id, dups: [] }, supervisor);
    expect(empty.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(empty.errors?.[0]?.extensions?.fields?.[0]?.field).toBe("duplicates");
    const unchanged = await gateway.gql<Tickets>(TICKETS, { c: categoryId, d: districtId, f: issue.windowStart, t: issue.windowEnd }, supervisor);
    expect(unchanged.data!.hotIssueTickets.tickets.map((ticket) => ticket.status)).toEqual(tickets.map(() => "RECEIVED"));

    const merged = await gateway.gql<{ mergeHotIssueDuplicates: number }>(MERGE, { into: keep!.id, dups: [first!, second!].map((ticket) => ({ ticketId: ticket.id, version: ticket.version })) }, supervisor);
    expect(merged.data?.mergeHotIssueDuplicates).toBe(2);
    const after = await gateway.gql<Tickets>(TICKETS, { c: categoryId, d: districtId, f: issue.windowStart, t: issue.windowEnd }, supervisor);
    expect(after.data!.hotIssueTickets.tickets.slice(0, 3).map((ticket) => ticket.status)).toEqual(["RECEIVED", "MERGED", "MERGED"]);
    // merged duplicates still count: the burst stays a hot issue of 6
    const again = (await gateway.gql<Hot>(HOT, {}, supervisor)).data!.hotIssues.issues.find((candidate) => candidate.districtId === districtId && candidate.categoryId === categoryId);
    expect(again?.count).toBe(6);
  });
});

const RANKING = `query($f: String!, $t: String!, $v: Int) { departmentRanking(fromDay: $f, toDay: $t, weightsVersion: $v) { formula tieRule weights { version onTime minTickets } ranked { rank unitName score } apart { unitName apartReason } } }`;
const SAVE = `mutation($i: RankingWeightsInput!) { saveRankingWeights(input: $i) { version onTime satisfaction minTickets note createdByName } }`;
const VERSIONS = `{ rankingWeightVersions { version } }`;

describe("department ranking through the gateway", () => {
  it("saves weights as admin-only versions and ranks with the version asked for", async () => {
    const [admin, supervisor, leader] = await Promise.all([gateway.login("admin"), gateway.login("supervisor"), gateway.login("leader")]);
    const count = async () => (await gateway.gql<{ rankingWeightVersions: Array<{ version: number }> }>(VERSIONS, {}, leader)).data!.rankingWeightVersions.length;
    const before = await count();
    const good = { onTime: 30, satisfaction: 40, notReturned: 10, notReReported: 10, notExtended: 10, minTickets: 1, note: "试行" };
    const refused = await gateway.gql(SAVE, { i: { ...good, onTime: 101 } }, admin);
    expect(refused.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(refused.errors?.[0]?.extensions?.fields?.map((field) => field.field)).toEqual(["onTime"]);
    expect((await gateway.gql(SAVE, { i: good }, supervisor)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await count()).toBe(before);

    const saved = await gateway.gql<{ saveRankingWeights: { version: number; onTime: number; note: string; createdByName: string } }>(SAVE, { i: good }, admin);
    expect(saved.data?.saveRankingWeights).toMatchObject({ version: before + 1, onTime: 30, note: "试行" });
    expect(await count()).toBe(before + 1);

    const month = new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });
    const ranking = await gateway.gql<{ departmentRanking: { formula: string; tieRule: string; weights: { version: number }; ranked: unknown[] } }>(RANKING, { f: `${month.slice(0, 7)}-01`, t: month, v: null }, leader);
    expect(ranking.errors).toBeUndefined();
    expect(ranking.data!.departmentRanking.weights.version).toBe(before + 1);
    expect(ranking.data!.departmentRanking.formula).toContain("Σ");
    expect(ranking.data!.departmentRanking.tieRule).toContain("share the rank");
    const v1 = await gateway.gql<{ departmentRanking: { weights: { version: number; onTime: number } } }>(RANKING, { f: `${month.slice(0, 7)}-01`, t: month, v: 1 }, supervisor);
    expect(v1.data!.departmentRanking.weights).toEqual({ version: 1, onTime: 40, minTickets: 10 });
    const unknown = await gateway.gql(RANKING, { f: "2026-10-01", t: "2026-10-31", v: 999 }, supervisor);
    expect(unknown.errors?.[0]?.extensions?.code).toBe("SUPERVISION/WEIGHTS_VERSION_NOT_FOUND");
    const inverted = await gateway.gql(RANKING, { f: "2026-10-31", t: "2026-10-01", v: null }, supervisor);
    expect(inverted.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(JSON.stringify([unknown, inverted])).not.toMatch(/SELECT|supervision_/);
  });
});
