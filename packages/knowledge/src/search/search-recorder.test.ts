import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, knowledgeTestDatabase, publishArticle, type Fixture } from "../__tests__/factories.js";
import { knowledgeStats } from "../stats/knowledge-stats.js";
import { searchArticles, searchPublicArticles } from "./article-search.js";
import { SearchRecorder, WEAK_BEST_SCORE } from "./search-recorder.js";

let db: TestDatabase;
let f: Fixture;
beforeAll(async () => {
  db = await knowledgeTestDatabase();
  f = await buildFixture(db);
});
afterAll(() => db?.destroy());

const logged = async (query: string) =>
  (await db.dataSource.query("SELECT result_count, best_score FROM knowledge_search_log WHERE query = $1 ORDER BY id", [query])) as Array<{ result_count: number; best_score: number | null }>;

describe("search statistics", () => {
  it("are recorded off the request path: buffered, written in one batch when full, and the rest on stop", async () => {
    // No timer flush during the test: only the batch size and stop() write.
    const recorder = new SearchRecorder(db.dataSource, undefined, { maxBatch: 3, flushEveryMs: 3_600_000 });
    const search = (query: string) => searchArticles({ db: db.dataSource, actor: f.operator, input: { query }, recorder });
    await search("批量记录甲");
    await search("批量记录乙");
    expect(recorder.pending()).toBe(2);
    expect(await logged("批量记录甲")).toEqual([]);
    await search("批量记录丙");
    expect(recorder.pending()).toBe(0);
    await recorder.flush();
    expect((await logged("批量记录甲")).length + (await logged("批量记录乙")).length + (await logged("批量记录丙")).length).toBe(3);
    await searchPublicArticles({ db: db.dataSource, query: "批量记录丁", recorder });
    expect(await logged("批量记录丁")).toEqual([]);
    await recorder.stop();
    expect(await logged("批量记录丁")).toEqual([{ result_count: 0, best_score: null }]);
  });

  it("count a search whose best hit was weak (the words only in some body text) as a gap, not only empty ones", async () => {
    const from = new Date();
    await publishArticle(db, f, { title: "居民用水报修流程", summary: "报修电话和上门时限。", body: "维修人员上门前会电话联系。水表井盖破损也可报修。", keywords: ["报修"] });
    await searchArticles({ db: db.dataSource, actor: f.operator, input: { query: "报修" } });
    await searchArticles({ db: db.dataSource, actor: f.operator, input: { query: "井盖" } });
    await searchArticles({ db: db.dataSource, actor: f.operator, input: { query: "井盖" } });
    await searchArticles({ db: db.dataSource, actor: f.operator, input: { query: "月球旅行" } });
    const [strong] = await logged("报修");
    const [weak] = await logged("井盖");
    expect(strong!.best_score).toBeGreaterThanOrEqual(WEAK_BEST_SCORE);
    expect(weak!.result_count).toBe(1);
    expect(weak!.best_score).toBeLessThan(WEAK_BEST_SCORE);

    const stats = await knowledgeStats({ db: db.dataSource, actor: f.reviewer, from, to: new Date(Date.now() + 60_000) });
    expect(stats.gaps).toContainEqual(expect.objectContaining({ query: "井盖", count: 2, emptyCount: 0 }));
    expect(stats.gaps).toContainEqual(expect.objectContaining({ query: "月球旅行", count: 1, emptyCount: 1 }));
    expect(stats.gaps.map((g) => g.query)).not.toContain("报修");
  });
});
