import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleInput, buildFixture, knowledgeTestDatabase, publishArticle, type Fixture } from "../__tests__/factories.js";
import { createArticle } from "../article/article-editing.js";
import { ArticleAudience, ArticleLanguage, ArticleStatus } from "../article/article.enums.js";
import { insertUsage } from "../usage/article-usage.js";
import { searchArticles, searchPublicArticles } from "./article-search.js";

let db: TestDatabase;
let f: Fixture;
const ids: Record<string, string> = {};

beforeAll(async () => {
  db = await knowledgeTestDatabase();
  f = await buildFixture(db);
  const add = async (key: string, overrides: Parameters<typeof articleInput>[1]) => {
    ids[key] = (await publishArticle(db, f, overrides)).id;
  };
  await add("noise", { title: "夜间施工噪音扰民的投诉处理", body: "夜间22时至次日6时禁止施工。", keywords: ["噪音", "噪声", "施工"] });
  await add("illegal", { title: "违法建设举报流程", summary: "私搭乱建由执法部门查处。", body: "楼顶加盖属于违建。", keywords: ["拆违", "违建"], categoryIds: [f.other.id] });
  await add("heating", { title: "Heating season and indoor temperature", summary: "Radiators must reach 18 degrees.", body: "Call the heating company.", keywords: ["heating", "供暖"], language: ArticleLanguage.EN });
  await add("fee", { title: "物业费收费标准", summary: "物业服务费执行政府指导价。", body: "对服务不满可投诉。", keywords: ["物业费", "property fee"] });
  await add("card", { title: "社保卡补办和挂失", summary: "丢失后拨打12333挂失。", body: "到银行网点补办。", keywords: ["社保卡", "social security card"] });
  await add("internal", { title: "噪音投诉内部处置规程", body: "内部流程：派单至执法中队。", keywords: ["噪音"], audience: ArticleAudience.INTERNAL, owningUnitId: f.otherUnit.id });
  await add("body-only", { title: "城市管理综合说明", summary: "城市管理的职责。", body: "其中也包括噪音扰民问题的协调。", keywords: ["城管"] });
  await add("expired", { title: "去年的噪音整治通知", body: "噪音专项整治。", keywords: ["噪音"], effectiveFrom: "2024-01-01", expiresOn: "2099-01-31" });
  // time passed: the expiry date is behind us but the schedule has not marked it EXPIRED yet
  await db.dataSource.query("UPDATE knowledge_article SET expires_on = '2025-01-31' WHERE id = $1", [ids.expired]);
  await add("future", { title: "明年的噪音新规", body: "噪音新规。", keywords: ["噪音"], effectiveFrom: "2099-01-01" });
  ids.draft = (await createArticle({ db: db.dataSource, actor: f.author, input: articleInput(f, { title: "噪音草稿", keywords: ["噪音"] }) })).id;
});
afterAll(() => db?.destroy());

const search = (query: string, extra: Record<string, unknown> = {}, actor = f.operator) =>
  searchArticles({ db: db.dataSource, actor, input: { query, ...extra } });
const found = async (query: string, extra: Record<string, unknown> = {}) => (await search(query, extra)).hits.map((h) => keyOf(h.article.id));
const keyOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id;

describe("searching in Chinese, English and both", () => {
  it("finds two-character Chinese words in title and keywords", async () => {
    expect(await found("拆违")).toEqual(["illegal"]);
    expect(await found("社保")).toEqual(["card"]);
  });

  it("ranks title and keyword matches above body matches", async () => {
    const hits = await found("噪音");
    expect(hits.indexOf("noise")).toBeLessThan(hits.indexOf("body-only"));
    expect(hits.indexOf("internal")).toBeLessThan(hits.indexOf("body-only"));
  });

  it("breaks ties by usage", async () => {
    const before = await found("噪音");
    const last = before.filter((k) => k === "noise" || k === "internal");
    await insertUsage(db.dataSource.manager, { articleIds: [ids[last[1]!]!], ticketId: null, usedBy: f.operator.id });
    const after = (await found("噪音")).filter((k) => k === "noise" || k === "internal");
    expect(after).toEqual([last[1], last[0]]);
  });

  it("finds English with plurals, case and typos", async () => {
    expect(await found("HEATING")).toEqual(["heating"]);
    expect(await found("radiator")).toEqual(["heating"]);
    expect(await found("heatting")).toEqual(["heating"]);
    expect(await found("propery fee")).toEqual(["fee"]);
  });

  it("finds mixed queries and a word still being typed", async () => {
    expect(await found("社保 card")).toEqual(["card"]);
    expect(await found("社保card")).toEqual(["card"]);
    expect(await found("secur")).toEqual(["card"]);
  });

  it("falls back to any term when not every term matches", async () => {
    expect(await found("噪音 火星人")).toContain("noise");
  });

  it("highlights the matches in the title and a snippet", async () => {
    const [hit] = (await search("拆违 楼顶")).hits;
    expect(hit!.titleHighlight.some((s) => s.match)).toBe(false);
    expect(hit!.snippet).toContainEqual({ text: "楼顶", match: true });
    const [noise] = (await search("噪音")).hits;
    expect(noise!.titleHighlight).toContainEqual({ text: "噪音", match: true });
  });
});

describe("what the user types is literal and never breaks the search", () => {
  it("returns quickly for operators, wildcards, quotes, backslashes, long punctuation and one character", async () => {
    // A hang would trip the test's own timeout; no wall-clock assertion here.
    for (const query of ["噪音 & !", "a:*", "%", "_", "'", "\\", "!".repeat(500), "''); DROP TABLE knowledge_article; --", "<->", "噪", "(噪音|拆违)", "％", "　"]) {
      const result = await search(query);
      expect(result.total).toBeGreaterThanOrEqual(0);
    }
    expect(await found("噪音 & !")).toContain("noise");
    expect((await search("%")).total).toBe(0);
    expect((await search("_")).total).toBe(0);
  });

  it("finds a single Chinese character", async () => {
    expect(await found("噪")).toContain("noise");
    expect(await found("违")).toEqual(["illegal"]);
  });
});

describe("visibility and filters", () => {
  it("offers call-takers only published articles in force: never drafts, expired or not yet effective", async () => {
    const hits = await found("噪音");
    expect(hits).not.toContain("draft");
    expect(hits).not.toContain("expired");
    expect(hits).not.toContain("future");
    await expect(search("噪音", { status: ArticleStatus.DRAFT })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lets editors search drafts", async () => {
    const result = await searchArticles({ db: db.dataSource, actor: f.author, input: { query: "噪音", status: ArticleStatus.DRAFT } });
    expect(result.hits.map((h) => keyOf(h.article.id))).toEqual(["draft"]);
  });

  it("filters by category (a group includes its children), unit and audience", async () => {
    expect(await found("违建", { categoryId: f.group.id })).toEqual(["illegal"]);
    expect(await found("违建", { categoryId: f.leaf.id })).toEqual([]);
    expect(await found("噪音", { unitId: f.otherUnit.id })).toEqual(["internal"]);
    expect(await found("噪音", { audience: ArticleAudience.INTERNAL })).toEqual(["internal"]);
    expect(await found("噪音", { categoryId: "not-a-uuid" })).toEqual([]);
  });

  it("shows citizens public articles in force only", async () => {
    const result = await searchPublicArticles({ db: db.dataSource, query: "噪音" });
    const keys = result.hits.map((h) => keyOf(h.article.id));
    expect(keys).toContain("noise");
    expect(keys).not.toContain("internal");
    expect(keys).not.toContain("draft");
    expect(keys).not.toContain("expired");
    const listed = await searchPublicArticles({ db: db.dataSource, query: null, limit: 50 });
    expect(listed.hits.map((h) => keyOf(h.article.id))).not.toContain("internal");
    expect(listed.total).toBe(listed.hits.length);
  });

  it("requires a staff login for staff search", async () => {
    await expect(searchArticles({ db: db.dataSource, actor: null, input: { query: "噪音" } })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("the search log", () => {
  it("logs each search with its normalised query and hit count", async () => {
    await search("  火星移民ＸＹＺ  ");
    const [row] = await db.dataSource.query("SELECT query, result_count, channel FROM knowledge_search_log ORDER BY id DESC LIMIT 1");
    expect(row).toEqual({ query: "火星移民xyz", result_count: 0, channel: "staff" });
  });
});
