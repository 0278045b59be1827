import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "./harness.js";

/**
 * Issue 18 over GraphQL: a change to a published article is a draft of its next version; the
 * call-taker (search and the article page) and the portal keep the version in force until a
 * reviewer who did not write the change approves it; the urgent path is for supervisors and admins.
 */
let gateway: TestGateway;
let ids: { categoryId: string; unitId: string };

beforeAll(async () => {
  gateway = await startTestGateway();
  const admin = await gateway.login("admin");
  const lookup = await gateway.gql<{ categories: Array<{ id: string; code: string }>; units: Array<{ id: string; code: string }> }>("{ categories { id code } units { id code } }", undefined, admin);
  ids = {
    categoryId: lookup.data!.categories.find((c) => c.code === "URBAN.NOISE")!.id,
    unitId: lookup.data!.units.find((u) => u.code === "BUR-URBAN")!.id,
  };
});
afterAll(() => gateway?.stop());

type Art = { id: string; lockVersion: number; versionNumber: number; body: string; canReview: boolean; canApproveUrgently: boolean; pendingChange: null | { state: string; version: { number: number; body: string }; editor: { displayName: string } } };
const FIELDS = "id lockVersion versionNumber body canReview canApproveUrgently pendingChange { state version { number body } editor { displayName } }";

function input(body: string) {
  return {
    title: "工地夜间施工许可的查询办法（变更测试）",
    summary: "可向城管局查询夜间施工许可。",
    body,
    categoryIds: [ids.categoryId],
    keywords: ["夜间施工许可"],
    owningUnitId: ids.unitId,
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
  };
}

async function call<T>(query: string, variables: Record<string, unknown>, cookie?: string): Promise<T> {
  const result = await gateway.gql<T>(query, variables, cookie);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

/** Publishes an article (supervisor writes, admin approves) and has the supervisor edit it. */
async function publishedThenEdited(oldBody: string, newBody: string) {
  const supervisor = await gateway.login("supervisor");
  const admin = await gateway.login("admin");
  const { createArticle: a } = await call<{ createArticle: Art }>(`mutation($i: ArticleInput!) { createArticle(input: $i) { ${FIELDS} } }`, { i: input(oldBody) }, supervisor);
  const { submitArticleForReview: s } = await call<{ submitArticleForReview: Art }>(`mutation($id: ID!, $v: Int!) { submitArticleForReview(id: $id, lockVersion: $v) { ${FIELDS} } }`, { id: a.id, v: a.lockVersion }, supervisor);
  const { reviewArticle: p } = await call<{ reviewArticle: Art }>(`mutation($id: ID!, $v: Int!) { reviewArticle(id: $id, lockVersion: $v, decision: APPROVE) { ${FIELDS} } }`, { id: a.id, v: s.lockVersion }, admin);
  const { updateArticle: e } = await call<{ updateArticle: Art }>(
    `mutation($id: ID!, $v: Int!, $i: ArticleInput!) { updateArticle(id: $id, lockVersion: $v, input: $i, changeNote: "新增网上查询") { ${FIELDS} } }`,
    { id: a.id, v: p.lockVersion, i: input(newBody) },
    supervisor,
  );
  return { id: a.id, edited: e, supervisor, admin };
}

async function callTakerView(id: string, word: string) {
  const operator = await gateway.login("operator");
  const page = await call<{ article: Art }>(`query($id: ID!) { article(id: $id) { ${FIELDS} } }`, { id }, operator);
  const search = await call<{ searchArticles: { hits: Array<{ article: { id: string } }> } }>(
    "query($q: String!) { searchArticles(input: { query: $q }) { hits { article { id } } } }",
    { q: word },
    operator,
  );
  const portal = await call<{ publicArticle: { body: string } }>("query($id: ID!) { publicArticle(id: $id) { body } }", { id });
  return { body: page.article.body, pendingChange: page.article.pendingChange, found: search.searchArticles.hits.some((h) => h.article.id === id), portalBody: portal.publicArticle.body };
}

describe("a change to a published article over GraphQL", () => {
  it("is shown to its editors and reviewers with a diff, not to call-takers, and is in force only once another reviewer approves it", async () => {
    const { id, edited, supervisor, admin } = await publishedThenEdited("请致电城管局查询。", "请致电城管局或登录政务网查询。");
    expect(edited).toMatchObject({ versionNumber: 1, body: "请致电城管局查询。", pendingChange: { state: "DRAFT", version: { number: 2, body: "请致电城管局或登录政务网查询。" } } });
    expect(await callTakerView(id, "政务网")).toEqual({ body: "请致电城管局查询。", pendingChange: null, found: false, portalBody: "请致电城管局查询。" });

    const { submitArticleForReview: s } = await call<{ submitArticleForReview: Art }>(`mutation($id: ID!, $v: Int!) { submitArticleForReview(id: $id, lockVersion: $v) { ${FIELDS} } }`, { id, v: edited.lockVersion }, supervisor);
    expect(s.canReview).toBe(false);
    const queue = await call<{ articles: { items: Array<{ id: string; canReview: boolean; pendingChange: { state: string } | null }> } }>(
      "{ articles(filter: { status: IN_REVIEW }, limit: 200) { items { id canReview pendingChange { state } } } }",
      {},
      admin,
    );
    expect(queue.articles.items).toContainEqual({ id, canReview: true, pendingChange: { state: "IN_REVIEW" } });
    const diff = await call<{ articleDiff: { body: Array<{ kind: string; text: string }> } }>(
      "query($id: ID!) { articleDiff(id: $id, fromVersion: 1, toVersion: 2) { body { kind text } } }",
      { id },
      admin,
    );
    expect(diff.articleDiff.body.filter((d) => d.kind === "ADDED").map((d) => d.text).join("")).toContain("政务网");
    const REVIEW = `mutation($id: ID!, $v: Int!) { reviewArticle(id: $id, lockVersion: $v, decision: APPROVE) { ${FIELDS} } }`;
    expect((await gateway.gql(REVIEW, { id, v: s.lockVersion }, supervisor)).errors?.[0]?.extensions?.code).toBe("KNOWLEDGE/REVIEWER_IS_AUTHOR");
    expect(await callTakerView(id, "政务网")).toMatchObject({ body: "请致电城管局查询。", found: false });

    const { reviewArticle: approved } = await call<{ reviewArticle: Art }>(REVIEW, { id, v: s.lockVersion }, admin);
    expect(approved).toMatchObject({ versionNumber: 2, pendingChange: null });
    expect(await callTakerView(id, "政务网")).toEqual({ body: "请致电城管局或登录政务网查询。", pendingChange: null, found: true, portalBody: "请致电城管局或登录政务网查询。" });
  });

  it("records a direct answer given during a change as answered from the version in force, and from the new one once approved", async () => {
    const { id, edited, supervisor, admin } = await publishedThenEdited("请先联系物业处理。", "请先联系物业，物业不处理的可拨打 12345。");
    const operator = await gateway.login("operator");
    const areas = await call<{ areas: Array<{ id: string; nameZh: string }> }>("{ areas { id nameZh } }", {}, operator);
    const answerFrom = async (phone: string): Promise<number | null> => {
      const { logCall: ticket } = await call<{ logCall: { id: string; version: number } }>(
        "mutation($input: LogCallInput!) { logCall(input: $input) { id version } }",
        {
          input: {
            requestType: "COMPLAINT",
            categoryId: ids.categoryId,
            description: "工地夜间施工噪音很大，影响休息。",
            districtId: areas.areas.find((a) => a.nameZh === "张店区")!.id,
            address: "张店区华光路 1 号",
            citizenName: "李女士",
            phone,
          },
        },
        operator,
      );
      await call(
        "mutation($t: ID!, $v: Int!, $a: [ID!]!) { answerDirectly(ticketId: $t, version: $v, articleIds: $a, answer: \"已按知识库答复。\") { status } }",
        { t: ticket.id, v: ticket.version, a: [id] },
        operator,
      );
      // The knowledge base records the use when it handles intake's event (the outbox).
      let rows: Array<{ version_number: number | null }> = [];
      await expect.poll(async () => (rows = await gateway.db.dataSource.query("SELECT version_number FROM knowledge_article_usage WHERE ticket_id = $1", [ticket.id])).length, { timeout: 10_000 }).toBe(1);
      return rows[0]!.version_number;
    };
    expect(await answerFrom("13800001111")).toBe(1);
    const { submitArticleForReview: s } = await call<{ submitArticleForReview: Art }>(`mutation($id: ID!, $v: Int!) { submitArticleForReview(id: $id, lockVersion: $v) { ${FIELDS} } }`, { id, v: edited.lockVersion }, supervisor);
    expect(await answerFrom("13800002222")).toBe(1);
    await call(`mutation($id: ID!, $v: Int!) { reviewArticle(id: $id, lockVersion: $v, decision: APPROVE) { id } }`, { id, v: s.lockVersion }, admin);
    expect(await answerFrom("13800003333")).toBe(2);
  });

  it("gives the second of two editors a CONFLICT and lets a supervisor put a correction in force at once, but not a call-taker", async () => {
    const { id, edited, supervisor, admin } = await publishedThenEdited("办理时限为5个工作日。", "办理时限为3个工作日。");
    const stale = await gateway.gql(
      `mutation($id: ID!, $v: Int!, $i: ArticleInput!) { updateArticle(id: $id, lockVersion: $v, input: $i) { id } }`,
      { id, v: edited.lockVersion - 1, i: input("办理时限为10个工作日。") },
      admin,
    );
    expect(stale.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const URGENT = `mutation($id: ID!, $v: Int!, $r: String!) { approveArticleChangeUrgently(id: $id, lockVersion: $v, reason: $r) { ${FIELDS} } }`;
    const operator = await gateway.login("operator");
    expect((await gateway.gql(URGENT, { id, v: edited.lockVersion, r: "紧急" }, operator)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(edited.canApproveUrgently).toBe(true);
    const { approveArticleChangeUrgently: urgent } = await call<{ approveArticleChangeUrgently: Art }>(URGENT, { id, v: edited.lockVersion, r: "新规今日生效" }, supervisor);
    expect(urgent).toMatchObject({ versionNumber: 2, body: "办理时限为3个工作日。", pendingChange: null });
    expect(await callTakerView(id, "夜间施工许可")).toMatchObject({ body: "办理时限为3个工作日。", found: true });
    const HISTORY = "query($id: ID!) { article(id: $id) { history { action versionNumber actorName comment } } }";
    const history = await call<{ article: { history: Array<{ action: string; versionNumber: number; comment: string | null }> } }>(HISTORY, { id }, admin);
    expect(history.article.history.at(-1)).toMatchObject({ action: "URGENT_APPROVED", versionNumber: 2, comment: "新规今日生效" });
    expect((await call<{ article: { history: unknown[] } }>(HISTORY, { id }, operator)).article.history).toEqual([]);
  });
});
