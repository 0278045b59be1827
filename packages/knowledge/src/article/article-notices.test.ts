import { listNotifications, Role, User, type Actor, type StoredEvent } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleInput, buildFixture, knowledgeTestDatabase, publishArticle, type Fixture } from "../__tests__/factories.js";
import { ARTICLE_EXPIRING, runArticleExpiry } from "../expiry/article-expiry.js";
import { approveArticleChangeUrgently } from "./article-change.js";
import { createArticle, updateArticle } from "./article-editing.js";
import { articleExpiringNoticeHandler, NOTICE } from "./article-notices.js";
import { reviewArticle, submitArticleForReview } from "./article-review.js";
import { ReviewDecision } from "./article.enums.js";

let db: TestDatabase;
let f: Fixture;
/** A second editor of the owning unit, and a handler of another unit (never told). */
let colleague: Actor;
let stranger: Actor;

async function staff(name: string, roles: Role[], unitId: string | null): Promise<Actor> {
  const user = await db.dataSource.getRepository(User).save({ username: `${name}-${Date.now()}`, displayName: name, passwordHash: "x", roles, unitId });
  return { kind: "staff", id: user.id, name, roles, unitId };
}

beforeAll(async () => {
  db = await knowledgeTestDatabase();
  f = await buildFixture(db);
  colleague = await staff("同单位编辑", [Role.HANDLER], f.unit.id);
  stranger = await staff("外单位编辑", [Role.HANDLER], f.otherUnit.id);
});
afterAll(() => db?.destroy());

/** The kinds of the unread notifications about the article titled `title` a person has, newest first. */
async function told(actor: Actor, title: string): Promise<string[]> {
  const list = await listNotifications({ db: db.dataSource, actor, limit: 100, unreadOnly: true });
  return list.items.filter((n) => n.params.title === title).map((n) => n.kind);
}

/** Everything so far counts as read (what publishing the article told people is not under test). */
const forget = () => db.dataSource.query("UPDATE platform_notification SET read_at = now() WHERE read_at IS NULL");

describe("who is told about articles", () => {
  it("tells the reviewers (not the editor) that a change waits, then the editor and the unit's editors how it was decided", async () => {
    const title = "供暖费退费标准";
    const published = await publishArticle(db, f, { title });
    await forget();
    const edited = await updateArticle({ db: db.dataSource, actor: f.handler, id: published.id, lockVersion: published.lockVersion, input: articleInput(f, { title, body: "新标准。" }) });
    const submitted = await submitArticleForReview({ db: db.dataSource, actor: f.handler, id: published.id, lockVersion: edited.lockVersion });
    expect(await told(f.reviewer, title)).toEqual([NOTICE.reviewWaiting]);
    expect(await told(f.secondReviewer, title)).toEqual([NOTICE.reviewWaiting]);
    expect(await told(f.handler, title)).toEqual([]);
    expect(await told(f.operator, title)).toEqual([]);

    const back = await reviewArticle({ db: db.dataSource, actor: f.reviewer, id: published.id, lockVersion: submitted.lockVersion, decision: ReviewDecision.SEND_BACK, comment: "请核对金额" });
    const [sentBack] = (await listNotifications({ db: db.dataSource, actor: f.handler, unreadOnly: true })).items;
    expect(sentBack).toMatchObject({ kind: NOTICE.sentBack, titleKey: "notify.knowledge.sentBack", bodyKey: "notify.knowledge.comment", params: { comment: "请核对金额" }, link: `knowledge/articles/${published.id}` });
    expect(await told(colleague, title)).toEqual([NOTICE.sentBack]);
    expect(await told(f.reviewer, title)).toEqual([NOTICE.reviewWaiting]);
    expect(await told(stranger, title)).toEqual([]);

    const again = await submitArticleForReview({ db: db.dataSource, actor: f.handler, id: published.id, lockVersion: back.lockVersion });
    await reviewArticle({ db: db.dataSource, actor: f.secondReviewer, id: published.id, lockVersion: again.lockVersion, decision: ReviewDecision.APPROVE });
    expect(await told(f.handler, title)).toEqual([NOTICE.approved, NOTICE.sentBack]);
    expect(await told(colleague, title)).toEqual([NOTICE.approved, NOTICE.sentBack]);
    expect(await told(f.secondReviewer, title)).toEqual([NOTICE.reviewWaiting, NOTICE.reviewWaiting]);
    expect(await told(stranger, title)).toEqual([]);
    expect(await told(f.operator, title)).toEqual([]);
  });

  it("tells the editor and the unit's editors of an urgent approval, and a new article's author of its review", async () => {
    const title = "停水临时供水点";
    const published = await publishArticle(db, f, { title });
    await forget();
    const edited = await updateArticle({ db: db.dataSource, actor: f.handler, id: published.id, lockVersion: published.lockVersion, input: articleInput(f, { title, body: "改到东门。" }) });
    await approveArticleChangeUrgently({ db: db.dataSource, actor: f.reviewer, id: published.id, lockVersion: edited.lockVersion, reason: "今日起停水" });
    expect(await told(f.handler, title)).toEqual([NOTICE.urgentApproved]);
    expect(await told(colleague, title)).toEqual([NOTICE.urgentApproved]);
    expect(await told(f.reviewer, title)).toEqual([]);

    const fresh = "新建文章的通知";
    const draft = await createArticle({ db: db.dataSource, actor: f.handler, input: articleInput(f, { title: fresh }) });
    const inReview = await submitArticleForReview({ db: db.dataSource, actor: f.handler, id: draft.id, lockVersion: draft.lockVersion });
    await reviewArticle({ db: db.dataSource, actor: f.reviewer, id: draft.id, lockVersion: inReview.lockVersion, decision: ReviewDecision.APPROVE });
    expect(await told(f.handler, fresh)).toEqual([NOTICE.approved]);
  });

  it("tells an expiring article's owners once (the outbox event handled twice)", async () => {
    const title = "冬季供暖期延长通知";
    const soon = await publishArticle(db, f, { title, expiresOn: "2026-12-08" }, { today: "2026-12-01" });
    await forget();
    await runArticleExpiry({ dataSource: db.dataSource, today: "2026-12-01" });
    const [event]: Array<{ id: string; payload: Record<string, unknown>; occurred_at: Date }> = await db.dataSource.query(
      "SELECT id, payload, occurred_at FROM platform_outbox WHERE type = $1 AND payload->>'articleId' = $2",
      [ARTICLE_EXPIRING, soon.id],
    );
    const stored: StoredEvent = { id: event!.id, type: ARTICLE_EXPIRING, payload: event!.payload, occurredAt: event!.occurred_at, attempts: 0 };
    const handler = articleExpiringNoticeHandler(db.dataSource);
    await handler.handle(stored);
    await handler.handle(stored);
    expect(await told(f.author, title)).toEqual([NOTICE.expiring]);
    expect(await told(f.handler, title)).toEqual([NOTICE.expiring]);
    expect(await told(colleague, title)).toEqual([NOTICE.expiring]);
    expect(await told(stranger, title)).toEqual([]);
    expect(await told(f.operator, title)).toEqual([]);
    const [notice] = (await listNotifications({ db: db.dataSource, actor: colleague, unreadOnly: true })).items.filter((n) => n.params.title === title);
    expect(notice).toMatchObject({ params: { expiresOn: "2026-12-08" }, link: `knowledge/articles/${soon.id}`, titleKey: "notify.knowledge.expiring" });
  });
});
