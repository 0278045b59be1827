import type { StoredEvent } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, knowledgeTestDatabase, publishArticle, type Fixture } from "../__tests__/factories.js";
import { updateArticle } from "../article/article-editing.js";
import { reviewArticle, submitArticleForReview } from "../article/article-review.js";
import { ReviewDecision } from "../article/article.enums.js";
import { Article } from "../article/article.entity.js";
import { articleInput } from "../__tests__/factories.js";
import { searchArticles } from "../search/article-search.js";
import { knowledgeStats } from "../stats/knowledge-stats.js";
import { directAnswerUsageHandler, recordArticleUse, TICKET_ANSWERED_DIRECTLY } from "./article-usage.js";

let db: TestDatabase;
let f: Fixture;
beforeAll(async () => {
  db = await knowledgeTestDatabase();
  f = await buildFixture(db);
});
afterAll(() => db?.destroy());

const usageOf = async (id: string) => (await db.dataSource.getRepository(Article).findOneByOrFail({ id })).usageCount;
const ticketId = "5f0c2b7e-1d4a-4c3b-9a8e-7f6d5c4b3a21";

describe("usage", () => {
  it("counts every use without a ticket and each (ticket, article) once, without touching the lock version", async () => {
    const article = await publishArticle(db, f);
    await recordArticleUse({ db: db.dataSource, actor: f.operator, articleIds: [article.id] });
    await recordArticleUse({ db: db.dataSource, actor: f.operator, articleIds: [article.id] });
    expect(await recordArticleUse({ db: db.dataSource, actor: f.operator, articleIds: [article.id], ticketId })).toBe(1);
    expect(await recordArticleUse({ db: db.dataSource, actor: f.operator, articleIds: [article.id], ticketId })).toBe(0);
    const stored = await db.dataSource.getRepository(Article).findOneByOrFail({ id: article.id });
    expect(stored.usageCount).toBe(3);
    expect(stored.lockVersion).toBe(article.lockVersion);
  });

  it("handles intake's direct-answer event idempotently and ignores unknown articles", async () => {
    const article = await publishArticle(db, f);
    const handler = directAnswerUsageHandler(db.dataSource);
    expect(handler.eventType).toBe(TICKET_ANSWERED_DIRECTLY);
    const event: StoredEvent = {
      id: "1",
      type: TICKET_ANSWERED_DIRECTLY,
      payload: { ticketId: "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d", articleIds: [article.id, "00000000-0000-4000-8000-00000000dead", "junk"] },
      actorId: f.operator.id,
      occurredAt: new Date(),
      attempts: 0,
    };
    await handler.handle(event);
    await handler.handle(event);
    expect(await usageOf(article.id)).toBe(1);
  });

  it("refuses unknown articles and anonymous callers", async () => {
    await expect(recordArticleUse({ db: db.dataSource, actor: f.operator, articleIds: ["00000000-0000-4000-8000-00000000beef"] })).rejects.toMatchObject({
      code: "KNOWLEDGE/ARTICLE_NOT_FOUND",
    });
    await expect(recordArticleUse({ db: db.dataSource, actor: null, articleIds: [] })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("knowledge figures", () => {
  it("counts added and updated articles in the period, most and never used, gaps and expiring soon", async () => {
    const from = new Date();
    const used = await publishArticle(db, f, { title: "统计用文章甲", keywords: ["甲"] });
    const edited = await publishArticle(db, f, { title: "统计用文章乙", expiresOn: "2099-12-31" });
    const unused = await publishArticle(db, f, { title: "统计用文章丙" });
    await updateArticle({ db: db.dataSource, actor: f.author, id: edited.id, lockVersion: edited.lockVersion, input: articleInput(f, { title: "统计用文章乙（修订）" }) });
    const change = await updateArticle({ db: db.dataSource, actor: f.author, id: edited.id, lockVersion: edited.lockVersion + 1, input: articleInput(f, { title: "统计用文章乙（再修订）" }) });
    // A change counts as an update once it is in force (approved), not while it is edited.
    const submitted = await submitArticleForReview({ db: db.dataSource, actor: f.author, id: edited.id, lockVersion: change.lockVersion });
    await reviewArticle({ db: db.dataSource, actor: f.reviewer, id: edited.id, lockVersion: submitted.lockVersion, decision: ReviewDecision.APPROVE });
    for (let i = 0; i < 3; i++) {
      await recordArticleUse({ db: db.dataSource, actor: f.operator, articleIds: [used.id] });
    }
    await searchArticles({ db: db.dataSource, actor: f.operator, input: { query: "火星签证" } });
    await searchArticles({ db: db.dataSource, actor: f.operator, input: { query: "火星签证" } });
    await db.dataSource.query("UPDATE knowledge_article SET expires_on = '2026-12-03' WHERE id = $1", [unused.id]);
    const to = new Date(Date.now() + 60_000);

    await expect(knowledgeStats({ db: db.dataSource, actor: f.operator, from, to })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stats = await knowledgeStats({ db: db.dataSource, actor: f.reviewer, from, to, today: "2026-12-01" });
    expect(stats.added).toBe(3);
    expect(stats.updated).toBe(1);
    expect(stats.mostUsed[0]).toMatchObject({ article: { id: used.id }, uses: 3 });
    expect(stats.neverUsed.map((a) => a.id)).toEqual(expect.arrayContaining([edited.id, unused.id]));
    expect(stats.neverUsed.map((a) => a.id)).not.toContain(used.id);
    expect(stats.gaps).toContainEqual(expect.objectContaining({ query: "火星签证", count: 2 }));
    expect(stats.expiringSoon.map((a) => a.id)).toEqual([unused.id]);

    const before = await knowledgeStats({ db: db.dataSource, actor: f.reviewer, from: new Date("2020-01-01T00:00:00Z"), to: new Date("2020-02-01T00:00:00Z") });
    expect(before).toMatchObject({ added: 0, updated: 0, mostUsed: [], gaps: [] });
  });
});
