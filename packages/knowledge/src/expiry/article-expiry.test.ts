import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, knowledgeTestDatabase, publishArticle, type Fixture } from "../__tests__/factories.js";
import { ArticleHistory } from "../article/article-history.entity.js";
import { Article } from "../article/article.entity.js";
import { ArticleStatus } from "../article/article.enums.js";
import { searchArticles } from "../search/article-search.js";
import { ARTICLE_EXPIRING, runArticleExpiry } from "./article-expiry.js";

let db: TestDatabase;
let f: Fixture;
beforeAll(async () => {
  db = await knowledgeTestDatabase();
  f = await buildFixture(db);
});
afterAll(() => db?.destroy());

const statusOf = async (id: string) => (await db.dataSource.getRepository(Article).findOneByOrFail({ id })).status;

describe("the expiry schedule", () => {
  it("expires published articles past their date, with a history row, and they are not offered even before it runs", async () => {
    const article = await publishArticle(db, f, { title: "年底到期的拆违通知", keywords: ["拆违"], expiresOn: "2026-12-31" }, { today: "2026-12-01" });
    expect((await searchArticles({ db: db.dataSource, actor: f.operator, input: { query: "拆违" }, today: "2027-01-01" })).total).toBe(0);
    expect((await searchArticles({ db: db.dataSource, actor: f.operator, input: { query: "拆违" }, today: "2026-12-31" })).total).toBe(1);

    await runArticleExpiry({ dataSource: db.dataSource, today: "2026-12-31" });
    expect(await statusOf(article.id)).toBe(ArticleStatus.PUBLISHED);
    const result = await runArticleExpiry({ dataSource: db.dataSource, today: "2027-01-01" });
    expect(result.expired).toBeGreaterThanOrEqual(1);
    expect(await statusOf(article.id)).toBe(ArticleStatus.EXPIRED);
    const last = await db.dataSource.getRepository(ArticleHistory).findOneOrFail({ where: { articleId: article.id }, order: { id: "DESC" } });
    expect(last).toMatchObject({ action: "EXPIRED", fromStatus: "PUBLISHED", toStatus: "EXPIRED", actorId: null, actorName: "system" });
    expect((await runArticleExpiry({ dataSource: db.dataSource, today: "2027-01-01" })).expired).toBe(0);
  });

  it("warns the owners once, a set number of working days ahead, through the outbox", async () => {
    // 2026-12-01 is a Tuesday: five working days on is Tuesday 2026-12-08
    const soon = await publishArticle(db, f, { title: "即将到期", expiresOn: "2026-12-08" }, { today: "2026-12-01" });
    const later = await publishArticle(db, f, { title: "还早", expiresOn: "2026-12-09" }, { today: "2026-12-01" });
    await runArticleExpiry({ dataSource: db.dataSource, today: "2026-12-01" });
    const events: Array<{ payload: { articleId: string; expiresOn: string } }> = await db.dataSource.query(
      "SELECT payload FROM platform_outbox WHERE type = $1",
      [ARTICLE_EXPIRING],
    );
    expect(events.map((e) => e.payload.articleId)).toContain(soon.id);
    expect(events.map((e) => e.payload.articleId)).not.toContain(later.id);
    expect(events.find((e) => e.payload.articleId === soon.id)!.payload.expiresOn).toBe("2026-12-08");
    expect((await db.dataSource.getRepository(Article).findOneByOrFail({ id: soon.id })).warnedAt).toBeInstanceOf(Date);

    await runArticleExpiry({ dataSource: db.dataSource, today: "2026-12-02" });
    const again: Array<{ payload: { articleId: string } }> = await db.dataSource.query("SELECT payload FROM platform_outbox WHERE type = $1", [ARTICLE_EXPIRING]);
    expect(again.filter((e) => e.payload.articleId === soon.id)).toHaveLength(1);
    expect(again.map((e) => e.payload.articleId)).toContain(later.id);
  });
});
