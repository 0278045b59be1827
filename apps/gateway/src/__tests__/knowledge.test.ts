import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "./harness.js";

let gateway: TestGateway;
let ids: { categoryId: string; unitId: string };

beforeAll(async () => {
  gateway = await startTestGateway();
  const admin = await gateway.login("admin");
  const lookup = await gateway.gql<{ categories: Array<{ id: string; code: string }>; units: Array<{ id: string; code: string }> }>(
    "{ categories { id code } units { id code } }",
    undefined,
    admin,
  );
  ids = {
    categoryId: lookup.data!.categories.find((c) => c.code === "URBAN.NOISE")!.id,
    unitId: lookup.data!.units.find((u) => u.code === "BUR-URBAN")!.id,
  };
});
afterAll(() => gateway?.stop());

const SEARCH = `query($input: ArticleSearchInput!) { searchArticles(input: $input) { total hits { score titleHighlight { text match } snippet { text match }
  article { id title status inForce audience owningUnit { code } categories { code } } } } }`;
const ARTICLE_FIELDS = "id title status versionNumber lockVersion canEdit canReview reviewComment author { displayName } reviewer { displayName } versions { number createdBy { displayName } }";
const PUBLIC_FIELDS = "id title audience reviewComment reviewer { id } author { id displayName } versions { number } canEdit canReview";

type Hit = { titleHighlight: Array<{ text: string; match: boolean }>; article: { id: string; title: string; status: string; inForce: boolean; audience: string } };

function input(overrides: Record<string, unknown> = {}) {
  return {
    title: "小区夜间噪音扰民的网上投诉（测试）",
    summary: "夜间噪音可在portal提交。",
    body: "夜间22时后的噪音，可先联系物业。\n\n<script>alert(1)</script> 原样保存为 Markdown 文本。",
    categoryIds: [ids.categoryId],
    keywords: ["噪音", "夜间"],
    owningUnitId: ids.unitId,
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    ...overrides,
  };
}

describe("the knowledge base over GraphQL", () => {
  it("lets a call-taker search 噪音 and see highlighted, published, in-force articles", async () => {
    const operator = await gateway.login("operator");
    const result = await gateway.gql<{ searchArticles: { total: number; hits: Hit[] } }>(SEARCH, { input: { query: "噪音" } }, operator);
    expect(result.errors).toBeUndefined();
    const hits = result.data!.searchArticles.hits;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.article.status === "PUBLISHED" && h.article.inForce)).toBe(true);
    expect(hits[0]!.titleHighlight).toContainEqual({ text: "噪音", match: true });
  });

  it("takes an article from editor to reviewer to the portal; the author cannot review it", async () => {
    const supervisor = await gateway.login("supervisor");
    const admin = await gateway.login("admin");
    const created = await gateway.gql<{ createArticle: { id: string; lockVersion: number; status: string } }>(
      `mutation($input: ArticleInput!) { createArticle(input: $input) { ${ARTICLE_FIELDS} } }`,
      { input: input() },
      supervisor,
    );
    expect(created.errors).toBeUndefined();
    const { id, lockVersion } = created.data!.createArticle;
    expect(created.data!.createArticle.status).toBe("DRAFT");
    const submitted = await gateway.gql<{ submitArticleForReview: { lockVersion: number; canReview: boolean } }>(
      `mutation($id: ID!, $v: Int!) { submitArticleForReview(id: $id, lockVersion: $v) { ${ARTICLE_FIELDS} } }`,
      { id, v: lockVersion },
      supervisor,
    );
    expect(submitted.data!.submitArticleForReview.canReview).toBe(false);
    const v = submitted.data!.submitArticleForReview.lockVersion;
    const REVIEW = `mutation($id: ID!, $v: Int!, $c: String) { reviewArticle(id: $id, lockVersion: $v, decision: APPROVE, comment: $c) { ${ARTICLE_FIELDS} } }`;
    const selfReview = await gateway.gql(REVIEW, { id, v }, supervisor);
    expect(selfReview.errors?.[0]?.extensions?.code).toBe("KNOWLEDGE/REVIEWER_IS_AUTHOR");
    const queue = await gateway.gql<{ articles: { items: Array<{ id: string; canReview: boolean }> } }>(
      "{ articles(filter: { status: IN_REVIEW }) { total items { id canReview } } }",
      undefined,
      admin,
    );
    expect(queue.data!.articles.items).toContainEqual({ id, canReview: true });
    const approved = await gateway.gql<{ reviewArticle: { status: string; reviewer: { displayName: string }; reviewComment: string } }>(REVIEW, { id, v, c: "内部备注：可发布" }, admin);
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.reviewArticle).toMatchObject({ status: "PUBLISHED", reviewComment: "内部备注：可发布" });

    const portal = await gateway.gql<{ publicArticles: { hits: Array<{ article: Record<string, unknown> }> } }>(
      `query { publicArticles(query: "夜间噪音 网上投诉") { total hits { article { ${PUBLIC_FIELDS} body } } } }`,
    );
    expect(portal.errors).toBeUndefined();
    const mine = portal.data!.publicArticles.hits.find((h) => h.article.id === id)!.article;
    expect(mine).toMatchObject({ reviewComment: null, reviewer: null, versions: [], canEdit: false, canReview: false });
    expect(JSON.stringify(mine.author)).not.toContain("张静");
    expect(mine.body).toContain("<script>alert(1)</script>");
  });

  it("never shows a citizen an internal article, a draft or a staff-only query", async () => {
    const supervisor = await gateway.login("supervisor");
    const internal = await gateway.gql<{ searchArticles: { hits: Hit[] } }>(SEARCH, { input: { query: "联动督办", audience: "INTERNAL" } }, supervisor);
    const internalId = internal.data!.searchArticles.hits[0]!.article.id;
    const draft = await gateway.gql<{ createArticle: { id: string } }>(`mutation($input: ArticleInput!) { createArticle(input: $input) { id } }`, { input: input({ title: "草稿不可见" }) }, supervisor);
    const draftId = draft.data!.createArticle.id;

    for (const id of [internalId, draftId]) {
      const one = await gateway.gql(`query($id: ID!) { publicArticle(id: $id) { id } }`, { id });
      expect(one.errors?.[0]?.extensions?.code).toBe("KNOWLEDGE/ARTICLE_NOT_FOUND");
    }
    const listed = await gateway.gql<{ publicArticles: { total: number; hits: Array<{ article: { id: string; audience: string } }> } }>(
      "{ publicArticles(limit: 50) { total hits { article { id audience } } } }",
    );
    expect(listed.data!.publicArticles.hits.every((h) => h.article.audience === "PUBLIC")).toBe(true);
    expect(listed.data!.publicArticles.hits.map((h) => h.article.id)).not.toContain(draftId);
    const searched = await gateway.gql<{ publicArticles: { hits: Array<{ article: { id: string } }> } }>('{ publicArticles(query: "联动督办") { hits { article { id } } } }');
    expect(searched.data!.publicArticles.hits.map((h) => h.article.id)).not.toContain(internalId);
    for (const query of ['{ searchArticles(input: { query: "噪音" }) { total } }', `{ article(id: "${internalId}") { id } }`, "{ articles { total } }"]) {
      expect((await gateway.gql(query)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    }
  });

  it("imports an uploaded JSON file, reports rejections, and exports", async () => {
    const supervisor = await gateway.login("supervisor");
    const items = Array.from({ length: 5 }, (_, n) => ({ title: `导入测试 ${n}`, summary: "摘要", body: "正文", categoryCodes: ["URBAN.NOISE"], keywords: [], effectiveFrom: "2025-01-01" }));
    items.push({ title: "", summary: "", body: "", categoryCodes: ["NOPE"], keywords: [], effectiveFrom: "x" });
    const uploaded = await fetch(`${gateway.url}/uploads`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: supervisor, "x-filename": "import.json" },
      body: JSON.stringify(items),
    });
    const { id: uploadId } = (await uploaded.json()) as { id: string };
    const started = await gateway.gql<{ importArticles: { id: string; status: string; total: number } }>(
      `mutation($u: ID!) { importArticles(uploadId: $u, format: JSON) { id status total } }`,
      { u: uploadId },
      supervisor,
    );
    expect(started.errors).toBeUndefined();
    expect(started.data!.importArticles.total).toBe(6);
    const jobId = started.data!.importArticles.id;
    const JOB = `query($id: ID!) { importJob(id: $id) { status imported rejected rejections { index reason } } }`;
    await expect
      .poll(async () => (await gateway.gql<{ importJob: { status: string } }>(JOB, { id: jobId }, supervisor)).data?.importJob.status, { timeout: 10_000 })
      .toBe("DONE");
    const job = await gateway.gql<{ importJob: { imported: number; rejected: number; rejections: Array<{ index: number }> } }>(JOB, { id: jobId }, supervisor);
    expect(job.data!.importJob).toMatchObject({ imported: 5, rejected: 1, rejections: [{ index: 5 }] });
    const other = await gateway.gql(JOB, { id: jobId }, await gateway.login("leader"));
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const exported = await gateway.gql<{ exportArticles: { url: string } }>("mutation { exportArticles(format: JSON, status: PUBLISHED) { id filename url } }", undefined, supervisor);
    const download = await fetch(`${gateway.url}${exported.data!.exportArticles.url}`, { headers: { cookie: supervisor } });
    expect(download.status).toBe(200);
    expect(((await download.json()) as unknown[]).length).toBeGreaterThanOrEqual(40);
  });

  it("pushes a large import's progress to the importJobProgress subscription", async () => {
    const supervisor = await gateway.login("supervisor");
    const items = Array.from({ length: 800 }, (_, n) => ({ title: `批量导入 ${n}`, summary: "摘要", body: "正文", categoryCodes: ["URBAN.NOISE"], keywords: [`批量${n}`] }));
    const uploaded = await fetch(`${gateway.url}/uploads`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: supervisor, "x-filename": "bulk.json" },
      body: JSON.stringify(items),
    });
    const { id: uploadId } = (await uploaded.json()) as { id: string };
    const started = await gateway.gql<{ importArticles: { id: string } }>(`mutation($u: ID!) { importArticles(uploadId: $u, format: JSON) { id } }`, { u: uploadId }, supervisor);
    const jobId = started.data!.importArticles.id;
    const client = gateway.wsClient(supervisor);
    const pushes: Array<{ status: string; processed: number }> = [];
    await new Promise<void>((resolve, reject) => {
      client.subscribe<{ importJobProgress: { status: string; processed: number } }>(
        { query: "subscription($id: ID!) { importJobProgress(id: $id) { status processed imported } }", variables: { id: jobId } },
        {
          next: (value) => {
            if (value.errors) {
              reject(new Error(JSON.stringify(value.errors)));
            }
            const job = value.data?.importJobProgress;
            if (job) {
              pushes.push(job);
              if (job.status === "DONE") {
                resolve();
              }
            }
          },
          error: reject,
          complete: resolve,
        },
      );
    });
    await client.dispose();
    expect(pushes.at(-1)).toMatchObject({ status: "DONE", processed: 800 });
    const processed = pushes.map((p) => p.processed);
    expect(processed).toEqual([...processed].sort((a, b) => a - b));
  });

  it("gives the supervisor app its figures", async () => {
    const leader = await gateway.login("leader");
    const stats = await gateway.gql<{ knowledgeStats: { added: number; mostUsed: Array<{ uses: number }>; expiringSoon: Array<{ title: string }> } }>(
      `query($from: DateTimeISO!, $to: DateTimeISO!) { knowledgeStats(from: $from, to: $to) { added updated mostUsed { uses article { title } } neverUsed { id } gaps { query count } expiringSoon { title expiresOn } } }`,
      { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() },
      leader,
    );
    expect(stats.errors).toBeUndefined();
    expect(stats.data!.knowledgeStats.added).toBeGreaterThanOrEqual(40);
    expect(stats.data!.knowledgeStats.mostUsed[0]!.uses).toBeGreaterThan(0);
    expect(stats.data!.knowledgeStats.expiringSoon.map((a) => a.title)).toContain("2026年度困难家庭供暖补贴申报（即将截止）");
    const operator = await gateway.login("operator");
    expect((await gateway.gql("{ knowledgeStats(from: \"2026-01-01T00:00:00Z\", to: \"2026-02-01T00:00:00Z\") { added } }", undefined, operator)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
