import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleInput, buildFixture, knowledgeTestDatabase, publishArticle, type Fixture } from "../__tests__/factories.js";
import { searchArticles } from "../search/article-search.js";
import { createArticle, updateArticle } from "./article-editing.js";
import { ArticleHistory } from "./article-history.entity.js";
import { TRANSITIONS } from "./article-lifecycle.js";
import { archiveArticle, reviewArticle, submitArticleForReview } from "./article-review.js";
import { ArticleVersion } from "./article-version.entity.js";
import { diffArticleVersions } from "./article-versions.js";
import { ArticleStatus, DiffKind, ReviewDecision } from "./article.enums.js";

let db: TestDatabase;
let f: Fixture;
beforeAll(async () => {
  db = await knowledgeTestDatabase();
  f = await buildFixture(db);
});
afterAll(() => db?.destroy());

const history = (articleId: string) =>
  db.dataSource.getRepository(ArticleHistory).find({ where: { articleId }, order: { id: "ASC" } }).then((rows) => rows.map((r) => `${r.action}:${r.fromStatus ?? "-"}→${r.toStatus}`));

describe("the article lifecycle", () => {
  it("has no way out of ARCHIVED", () => {
    expect(TRANSITIONS[ArticleStatus.ARCHIVED]).toEqual([]);
  });

  it("goes draft → in review → published with a different reviewer, one history row per step", async () => {
    const draft = await createArticle({ db: db.dataSource, actor: f.author, input: articleInput(f) });
    expect(draft).toMatchObject({ status: ArticleStatus.DRAFT, versionNumber: 1, authorId: f.author.id });
    const inReview = await submitArticleForReview({ db: db.dataSource, actor: f.author, id: draft.id, lockVersion: draft.lockVersion });
    expect(inReview.status).toBe(ArticleStatus.IN_REVIEW);
    expect(inReview.lockVersion).toBe(draft.lockVersion + 1);
    const published = await reviewArticle({ db: db.dataSource, actor: f.reviewer, id: draft.id, lockVersion: inReview.lockVersion, decision: ReviewDecision.APPROVE, comment: "准确" });
    expect(published).toMatchObject({ status: ArticleStatus.PUBLISHED, reviewerId: f.reviewer.id, reviewComment: "准确", reviewedVersion: 1 });
    expect(published.publishedAt).toBeInstanceOf(Date);
    expect(await history(draft.id)).toEqual(["CREATED:-→DRAFT", "SUBMITTED:DRAFT→IN_REVIEW", "APPROVED:IN_REVIEW→PUBLISHED"]);
  });

  it("refuses a reviewer who is the author (KNOWLEDGE/REVIEWER_IS_AUTHOR), even one with reviewer rights", async () => {
    const draft = await createArticle({ db: db.dataSource, actor: f.author, input: articleInput(f) });
    const inReview = await submitArticleForReview({ db: db.dataSource, actor: f.author, id: draft.id, lockVersion: draft.lockVersion });
    await expect(
      reviewArticle({ db: db.dataSource, actor: f.author, id: draft.id, lockVersion: inReview.lockVersion, decision: ReviewDecision.APPROVE }),
    ).rejects.toMatchObject({ code: "KNOWLEDGE/REVIEWER_IS_AUTHOR" });
  });

  it("refuses a reviewer who wrote an earlier version of the change set, not only the latest", async () => {
    const draft = await createArticle({ db: db.dataSource, actor: f.reviewer, input: articleInput(f) });
    const edited = await updateArticle({ db: db.dataSource, actor: f.author, id: draft.id, lockVersion: draft.lockVersion, input: articleInput(f, { title: "改过的标题" }) });
    expect(edited.authorId).toBe(f.author.id);
    const inReview = await submitArticleForReview({ db: db.dataSource, actor: f.author, id: draft.id, lockVersion: edited.lockVersion });
    await expect(
      reviewArticle({ db: db.dataSource, actor: f.reviewer, id: draft.id, lockVersion: inReview.lockVersion, decision: ReviewDecision.APPROVE }),
    ).rejects.toMatchObject({ code: "KNOWLEDGE/REVIEWER_IS_AUTHOR" });
    const approved = await reviewArticle({ db: db.dataSource, actor: f.secondReviewer, id: draft.id, lockVersion: inReview.lockVersion, decision: ReviewDecision.APPROVE });
    expect(approved.status).toBe(ArticleStatus.PUBLISHED);
  });

  it("sends back to DRAFT only with a comment, and a call-taker may not review", async () => {
    const draft = await createArticle({ db: db.dataSource, actor: f.author, input: articleInput(f) });
    const inReview = await submitArticleForReview({ db: db.dataSource, actor: f.author, id: draft.id, lockVersion: draft.lockVersion });
    const base = { db: db.dataSource, id: draft.id, lockVersion: inReview.lockVersion, decision: ReviewDecision.SEND_BACK };
    await expect(reviewArticle({ ...base, actor: f.reviewer, comment: "  " })).rejects.toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "comment", code: "REQUIRED" }] });
    await expect(reviewArticle({ ...base, actor: f.operator, comment: "no" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const back = await reviewArticle({ ...base, actor: f.reviewer, comment: "请补充办理时限" });
    expect(back).toMatchObject({ status: ArticleStatus.DRAFT, reviewComment: "请补充办理时限" });
    expect((await history(draft.id)).at(-1)).toBe("SENT_BACK:IN_REVIEW→DRAFT");
  });

  it("gives CONFLICT for a stale lock version and changes nothing", async () => {
    const draft = await createArticle({ db: db.dataSource, actor: f.author, input: articleInput(f) });
    await updateArticle({ db: db.dataSource, actor: f.author, id: draft.id, lockVersion: draft.lockVersion, input: articleInput(f, { title: "第一次修改" }) });
    await expect(
      updateArticle({ db: db.dataSource, actor: f.author, id: draft.id, lockVersion: draft.lockVersion, input: articleInput(f, { title: "迟到的修改" }) }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(submitArticleForReview({ db: db.dataSource, actor: f.author, id: draft.id, lockVersion: draft.lockVersion })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.dataSource.getRepository(ArticleVersion).countBy({ articleId: draft.id })).toBe(2);
  });

  it("refuses transitions the machine does not allow", async () => {
    const published = await publishArticle(db, f);
    await expect(submitArticleForReview({ db: db.dataSource, actor: f.author, id: published.id, lockVersion: published.lockVersion })).rejects.toMatchObject({
      code: "KNOWLEDGE/INVALID_TRANSITION",
    });
    const archived = await archiveArticle({ db: db.dataSource, actor: f.author, id: published.id, lockVersion: published.lockVersion });
    expect(archived.status).toBe(ArticleStatus.ARCHIVED);
    await expect(
      updateArticle({ db: db.dataSource, actor: f.author, id: published.id, lockVersion: archived.lockVersion, input: articleInput(f) }),
    ).rejects.toMatchObject({ code: "KNOWLEDGE/INVALID_TRANSITION" });
  });

  it("lets a handler write only for their own unit", async () => {
    const own = await createArticle({ db: db.dataSource, actor: f.handler, input: articleInput(f, { owningUnitId: null }) });
    expect(own.owningUnitId).toBe(f.unit.id);
    await expect(createArticle({ db: db.dataSource, actor: f.handler, input: articleInput(f, { owningUnitId: f.otherUnit.id }) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const foreign = await createArticle({ db: db.dataSource, actor: f.author, input: articleInput(f, { owningUnitId: f.otherUnit.id }) });
    await expect(updateArticle({ db: db.dataSource, actor: f.handler, id: foreign.id, lockVersion: foreign.lockVersion, input: articleInput(f) })).rejects.toMatchObject({
      code: "KNOWLEDGE/ARTICLE_NOT_FOUND",
    });
    await expect(createArticle({ db: db.dataSource, actor: f.operator, input: articleInput(f) })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("reports every invalid field at once with stable codes", async () => {
    await expect(
      createArticle({
        db: db.dataSource,
        actor: f.author,
        input: articleInput(f, { title: "", body: "x".repeat(100_001), categoryIds: [], effectiveFrom: "2025-02-30", keywords: ["k".repeat(51)] }),
      }),
    ).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      fields: expect.arrayContaining([
        expect.objectContaining({ field: "title", code: "REQUIRED" }),
        expect.objectContaining({ field: "body", code: "TOO_LONG" }),
        expect.objectContaining({ field: "categoryIds", code: "REQUIRED" }),
        expect.objectContaining({ field: "effectiveFrom", code: "INVALID_FORMAT" }),
        expect.objectContaining({ field: "keywords", code: "TOO_LONG" }),
      ]),
    });
    await expect(
      createArticle({ db: db.dataSource, actor: f.author, input: articleInput(f, { categoryIds: ["00000000-0000-4000-8000-000000000000"] }) }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "categoryIds", code: "UNKNOWN" }] });
  });
});

describe("versions", () => {
  it("keeps a published article published when edited: a new version of the change under way, not yet in force, listed and diffable", async () => {
    const published = await publishArticle(db, f, { title: "小学入学报名材料", body: "需提供户口簿和房产证。", keywords: ["入学"] });
    const edited = await updateArticle({
      db: db.dataSource,
      actor: f.author,
      id: published.id,
      lockVersion: published.lockVersion,
      input: articleInput(f, { title: "小学入学报名材料", body: "需提供户口簿、居住证和房产证。", keywords: ["入学", "随迁子女"] }),
      changeNote: "增加居住证",
    });
    expect(edited).toMatchObject({ status: ArticleStatus.PUBLISHED, versionNumber: 1, pendingVersion: 2 });
    const versions = await db.dataSource.getRepository(ArticleVersion).find({ where: { articleId: published.id }, order: { number: "ASC" } });
    expect(versions.map((v) => [v.number, v.changeNote])).toEqual([[1, null], [2, "增加居住证"]]);
    expect(versions[0]!.body).toBe("需提供户口簿和房产证。");
    const hits = await searchArticles({ db: db.dataSource, actor: f.operator, input: { query: "居住证" } });
    expect(hits.hits.map((h) => h.article.id)).not.toContain(published.id);

    const diff = await diffArticleVersions({ db: db.dataSource, actor: f.reviewer, id: published.id, fromVersion: 1, toVersion: 2 });
    expect(diff.title).toEqual([{ kind: DiffKind.SAME, text: "小学入学报名材料" }]);
    expect(diff.body.filter((s) => s.kind === DiffKind.ADDED).map((s) => s.text).join("")).toContain("居住证");
    expect(diff.keywords).toEqual([{ kind: DiffKind.SAME, text: "入学" }, { kind: DiffKind.ADDED, text: "随迁子女" }]);
    await expect(diffArticleVersions({ db: db.dataSource, actor: f.reviewer, id: published.id, fromVersion: 1, toVersion: 9 })).rejects.toMatchObject({
      code: "KNOWLEDGE/VERSION_NOT_FOUND",
    });
    expect((await history(published.id)).at(-1)).toBe("EDITED:PUBLISHED→PUBLISHED");
  });
});
