import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleInput, buildFixture, knowledgeTestDatabase, publishArticle, type Fixture } from "../__tests__/factories.js";
import { runArticleExpiry } from "../expiry/article-expiry.js";
import { searchArticles, searchPublicArticles } from "../search/article-search.js";
import { approveArticleChangeUrgently } from "./article-change.js";
import { updateArticle } from "./article-editing.js";
import { ArticleHistory } from "./article-history.entity.js";
import { getArticle, getPublicArticle, listArticles } from "./article-queries.js";
import { reviewArticle, submitArticleForReview } from "./article-review.js";
import { ArticleVersion } from "./article-version.entity.js";
import { diffArticleVersions } from "./article-versions.js";
import { ArticleStatus, ReviewDecision } from "./article.enums.js";

let db: TestDatabase;
let f: Fixture;
beforeAll(async () => {
  db = await knowledgeTestDatabase();
  f = await buildFixture(db);
});
afterAll(() => db?.destroy());

const history = (articleId: string) =>
  db.dataSource
    .getRepository(ArticleHistory)
    .find({ where: { articleId }, order: { id: "ASC" } })
    .then((rows) => rows.map((r) => `${r.action}:v${r.versionNumber}`));

/** What every reader of the version in force sees: call-taker search, the portal's search and page, the article for a call-taker. */
async function whatReadersSee(id: string, query: string) {
  const staffHits = await searchArticles({ db: db.dataSource, actor: f.operator, input: { query } });
  const portalHits = await searchPublicArticles({ db: db.dataSource, query });
  return {
    staffSearch: staffHits.hits.some((h) => h.article.id === id),
    portalSearch: portalHits.hits.some((h) => h.article.id === id),
    portalBody: (await getPublicArticle({ db: db.dataSource, id })).body,
    callTakerBody: (await getArticle({ db: db.dataSource, actor: f.operator, id })).body,
  };
}

/** A published article whose body names 户口簿; an edit adds 居住证 (a word only the change has). */
async function publishedWithChange(editor = f.handler) {
  const published = await publishArticle(db, f, { title: "随迁子女入学材料", body: "需提供户口簿和房产证。", keywords: ["入学"] });
  const edited = await updateArticle({
    db: db.dataSource,
    actor: editor,
    id: published.id,
    lockVersion: published.lockVersion,
    input: articleInput(f, { title: "随迁子女入学材料", body: "需提供户口簿、居住证和房产证。", keywords: ["入学", "居住证"] }),
    changeNote: "增加居住证",
  });
  return { published, edited };
}

describe("a change to a published article", () => {
  it("leaves the version in force to search, the call-taker and the portal until a reviewer approves it, then swaps it in", async () => {
    const { published, edited } = await publishedWithChange();
    expect(edited).toMatchObject({ status: ArticleStatus.PUBLISHED, versionNumber: 1, pendingVersion: 2, pendingState: ArticleStatus.DRAFT, pendingAuthorId: f.handler.id });
    expect(edited.body).toBe("需提供户口簿和房产证。");
    const before = { staffSearch: false, portalSearch: false, portalBody: "需提供户口簿和房产证。", callTakerBody: "需提供户口簿和房产证。" };
    expect(await whatReadersSee(published.id, "居住证")).toEqual(before);

    const submitted = await submitArticleForReview({ db: db.dataSource, actor: f.handler, id: published.id, lockVersion: edited.lockVersion });
    expect(submitted).toMatchObject({ status: ArticleStatus.PUBLISHED, pendingState: ArticleStatus.IN_REVIEW, versionNumber: 1 });
    expect(await whatReadersSee(published.id, "居住证")).toEqual(before);
    const queue = await listArticles({ db: db.dataSource, actor: f.reviewer, filter: { status: ArticleStatus.IN_REVIEW }, limit: 200 });
    expect(queue.items.map((a) => a.id)).toContain(published.id);

    const approved = await reviewArticle({ db: db.dataSource, actor: f.reviewer, id: published.id, lockVersion: submitted.lockVersion, decision: ReviewDecision.APPROVE, comment: "核实" });
    expect(approved).toMatchObject({ status: ArticleStatus.PUBLISHED, versionNumber: 2, reviewedVersion: 2, pendingVersion: null, pendingState: null, authorId: f.handler.id, reviewerId: f.reviewer.id });
    expect(await whatReadersSee(published.id, "居住证")).toEqual({
      staffSearch: true,
      portalSearch: true,
      portalBody: "需提供户口簿、居住证和房产证。",
      callTakerBody: "需提供户口簿、居住证和房产证。",
    });
    expect(await history(published.id)).toEqual(["CREATED:v1", "SUBMITTED:v1", "APPROVED:v1", "EDITED:v2", "SUBMITTED:v2", "APPROVED:v2"]);
  });

  it("hides the change's versions from call-takers but diffs it against the version in force for its editors and reviewers", async () => {
    const { published } = await publishedWithChange();
    await expect(diffArticleVersions({ db: db.dataSource, actor: f.operator, id: published.id, fromVersion: 1, toVersion: 2 })).rejects.toMatchObject({
      code: "KNOWLEDGE/VERSION_NOT_FOUND",
    });
    const diff = await diffArticleVersions({ db: db.dataSource, actor: f.reviewer, id: published.id, fromVersion: 1, toVersion: 2 });
    expect(diff.body.filter((s) => s.kind === "ADDED").map((s) => s.text).join("")).toContain("居住证");
  });

  it("cannot be approved by its editor, even one with reviewer rights", async () => {
    const { published, edited } = await publishedWithChange(f.author);
    const submitted = await submitArticleForReview({ db: db.dataSource, actor: f.author, id: published.id, lockVersion: edited.lockVersion });
    await expect(
      reviewArticle({ db: db.dataSource, actor: f.author, id: published.id, lockVersion: submitted.lockVersion, decision: ReviewDecision.APPROVE }),
    ).rejects.toMatchObject({ code: "KNOWLEDGE/REVIEWER_IS_AUTHOR" });
    expect((await getArticle({ db: db.dataSource, actor: f.operator, id: published.id })).versionNumber).toBe(1);
  });

  it("when sent back keeps the version in force and returns the change as a draft with the reviewer's note, to be edited again", async () => {
    const { published, edited } = await publishedWithChange();
    const submitted = await submitArticleForReview({ db: db.dataSource, actor: f.handler, id: published.id, lockVersion: edited.lockVersion });
    await expect(
      updateArticle({ db: db.dataSource, actor: f.handler, id: published.id, lockVersion: submitted.lockVersion, input: articleInput(f) }),
    ).rejects.toMatchObject({ code: "KNOWLEDGE/INVALID_TRANSITION" });
    const back = await reviewArticle({
      db: db.dataSource,
      actor: f.reviewer,
      id: published.id,
      lockVersion: submitted.lockVersion,
      decision: ReviewDecision.SEND_BACK,
      comment: "请注明居住证的有效期",
    });
    expect(back).toMatchObject({ status: ArticleStatus.PUBLISHED, versionNumber: 1, pendingVersion: 2, pendingState: ArticleStatus.DRAFT, reviewComment: "请注明居住证的有效期" });
    expect(await whatReadersSee(published.id, "居住证")).toMatchObject({ staffSearch: false, callTakerBody: "需提供户口簿和房产证。" });
    const again = await updateArticle({
      db: db.dataSource,
      actor: f.handler,
      id: published.id,
      lockVersion: back.lockVersion,
      input: articleInput(f, { body: "需提供户口簿、有效期内的居住证和房产证。" }),
    });
    expect(again).toMatchObject({ versionNumber: 1, pendingVersion: 3, pendingState: ArticleStatus.DRAFT });
    expect(await history(published.id)).toEqual(["CREATED:v1", "SUBMITTED:v1", "APPROVED:v1", "EDITED:v2", "SUBMITTED:v2", "SENT_BACK:v2", "EDITED:v3"]);
  });

  it("gives the second of two editors saving from the same version CONFLICT, never a lost update", async () => {
    const published = await publishArticle(db, f, { body: "原文。" });
    const save = (actor: typeof f.author, body: string) =>
      updateArticle({ db: db.dataSource, actor, id: published.id, lockVersion: published.lockVersion, input: articleInput(f, { body }) });
    const results = await Promise.allSettled([save(f.handler, "甲的修改。"), save(f.secondReviewer, "乙的修改。")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(["CONFLICT"]);
    const versions = await db.dataSource.getRepository(ArticleVersion).find({ where: { articleId: published.id }, order: { number: "ASC" } });
    expect(versions).toHaveLength(2);
    const winner = (results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ pendingAuthorId: string | null }>).value;
    expect(versions[1]!.createdBy).toBe(winner.pendingAuthorId);
  });

  it("leaves the review queue when the article expires, and an edit of the expired article continues above the change's versions", async () => {
    const published = await publishArticle(db, f, { title: "即将到期的变更", expiresOn: "2026-12-02" }, { today: "2026-12-01" });
    const edited = await updateArticle({ db: db.dataSource, actor: f.handler, id: published.id, lockVersion: published.lockVersion, input: articleInput(f, { title: "即将到期的变更", expiresOn: "2026-12-31" }) });
    await submitArticleForReview({ db: db.dataSource, actor: f.handler, id: published.id, lockVersion: edited.lockVersion });
    await runArticleExpiry({ dataSource: db.dataSource, today: "2026-12-03" });
    const queue = await listArticles({ db: db.dataSource, actor: f.reviewer, filter: { status: ArticleStatus.IN_REVIEW }, limit: 200 });
    expect(queue.items.map((a) => a.id)).not.toContain(published.id);
    const expired = await getArticle({ db: db.dataSource, actor: f.handler, id: published.id });
    expect(expired).toMatchObject({ status: ArticleStatus.EXPIRED, pendingVersion: 2 });
    const draft = await updateArticle({ db: db.dataSource, actor: f.handler, id: published.id, lockVersion: expired.lockVersion, input: articleInput(f, { title: "即将到期的变更", expiresOn: "2027-06-30" }) });
    expect(draft).toMatchObject({ status: ArticleStatus.DRAFT, versionNumber: 3, pendingVersion: null, pendingState: null });
  });

  it("can be put in force at once by a supervisor or admin (urgent correction), recorded as such; not by a handler, not without a reason", async () => {
    const { published, edited } = await publishedWithChange(f.author);
    const base = { db: db.dataSource, id: published.id, lockVersion: edited.lockVersion };
    await expect(approveArticleChangeUrgently({ ...base, actor: f.handler, reason: "紧急" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(approveArticleChangeUrgently({ ...base, actor: f.author, reason: "  " })).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      fields: [{ field: "reason", code: "REQUIRED" }],
    });
    const urgent = await approveArticleChangeUrgently({ ...base, actor: f.author, reason: "政策今日起调整，旧答复错误" });
    expect(urgent).toMatchObject({ versionNumber: 2, pendingVersion: null, reviewerId: f.author.id });
    expect(await whatReadersSee(published.id, "居住证")).toMatchObject({ staffSearch: true, callTakerBody: "需提供户口簿、居住证和房产证。" });
    const last = await db.dataSource.getRepository(ArticleHistory).findOneOrFail({ where: { articleId: published.id }, order: { id: "DESC" } });
    expect(last).toMatchObject({ action: "URGENT_APPROVED", versionNumber: 2, actorId: f.author.id, comment: "政策今日起调整，旧答复错误" });
    await expect(approveArticleChangeUrgently({ ...base, lockVersion: urgent.lockVersion, actor: f.author, reason: "再次" })).rejects.toMatchObject({
      code: "KNOWLEDGE/NO_PENDING_CHANGE",
    });
  });
});
