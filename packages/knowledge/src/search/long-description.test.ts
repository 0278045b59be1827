import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, knowledgeTestDatabase, publishArticle, type Fixture } from "../__tests__/factories.js";
import { ArticleLanguage } from "../article/article.enums.js";
import { searchArticles } from "./article-search.js";
import { WEAK_BEST_SCORE } from "./search-recorder.js";

let db: TestDatabase;
let f: Fixture;
const ids: Record<string, string> = {};

beforeAll(async () => {
  db = await knowledgeTestDatabase();
  f = await buildFixture(db);
  const add = async (key: string, overrides: Parameters<typeof publishArticle>[2]) => {
    ids[key] = (await publishArticle(db, f, overrides)).id;
  };
  await add("manhole", { title: "道路井盖破损、缺失的报修", summary: "井盖破损由市政设施管理处抢修。", body: "接报后设置警示标志，24小时内修复。", keywords: ["井盖", "窨井盖"] });
  // articles that share only a common bigram or two of the description, in their body
  await add("common1", { title: "居民意见征集办法", summary: "征集意见的渠道。", body: "我们欢迎居民反映问题。", keywords: ["意见征集"] });
  await add("common2", { title: "热线服务承诺", summary: "接听时限和回访。", body: "我们对每个问题都会回访。", keywords: ["服务承诺"] });
  await add("common3", { title: "小区停车管理规定", summary: "停车收费与车位分配。", body: "小区停车问题由物业协调。", keywords: ["停车"] });
  await add("en-manhole", { title: "Broken or missing manhole cover", summary: "Road maintenance replaces covers within 24 hours.", body: "Put up a warning sign.", keywords: ["manhole", "drain cover"], language: ArticleLanguage.EN });
  await add("en-common1", { title: "Opening hours of the service centre", summary: "When we answer calls.", body: "We answer every call and please leave a message.", keywords: ["hours"], language: ArticleLanguage.EN });
  await add("en-common2", { title: "Parking permits", summary: "How residents apply.", body: "Our street parking problem is handled by the district.", keywords: ["parking"], language: ArticleLanguage.EN });
});
afterAll(() => db?.destroy());

const keyOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id;
const search = (query: string) => searchArticles({ db: db.dataSource, actor: f.operator, input: { query } });
const logged = async (query: string) =>
  (await db.dataSource.query("SELECT result_count, best_score FROM knowledge_search_log WHERE query = $1 ORDER BY id DESC LIMIT 1", [query])) as Array<{
    result_count: number;
    best_score: number | null;
  }>;

describe("a long description typed into the knowledge panel", () => {
  it("finds the article it is about first, and not articles sharing one common bigram (我们, 问题, 小区)", async () => {
    const query = "你好，我们是幸福小区的居民，我们小区门口马路上的井盖坏了，晚上路过的人很容易踩空摔倒，这个问题我们已经反映过好几次了，一直没有人来管，希望你们尽快派人过来看看处理一下，谢谢";
    expect([...query].length).toBeGreaterThanOrEqual(80);
    const result = await search(query);
    expect(result.hits.map((h) => keyOf(h.article.id))).toEqual(["manhole"]);
    expect(result.total).toBe(1);
    expect(result.hits[0]!.score).toBeGreaterThanOrEqual(WEAK_BEST_SCORE);
  });

  it("does the same in English", async () => {
    const query = "Hello, we are calling because the manhole cover on our street has been broken for a week and someone could fall in at night, please send somebody to look at this problem";
    const result = await search(query);
    expect(result.hits.map((h) => keyOf(h.article.id))).toEqual(["en-manhole"]);
  });

  it("returns nothing for a long description of something not in the base, and records it as an empty search", async () => {
    const query = "我们家楼上的邻居每天晚上都在阳台上养鸽子，鸽子的羽毛和粪便飘到我们家的窗台上，这个问题跟他们说过很多次都没有用，请问应该找谁";
    const result = await search(query);
    expect(result).toEqual({ total: 0, hits: [] });
    const normalized = (await db.dataSource.query("SELECT query FROM knowledge_search_log ORDER BY id DESC LIMIT 1"))[0].query as string;
    expect(await logged(normalized)).toEqual([{ result_count: 0, best_score: null }]);
  });

  it("leaves short queries as they were: one common bigram still finds its articles", async () => {
    expect((await search("问题")).hits.map((h) => keyOf(h.article.id)).sort()).toEqual(["common1", "common2", "common3"]);
  });
});
