import { notify, Role, type Actor, type EventHandler, type StoredEvent } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { ARTICLE_EXPIRING } from "../expiry/article-expiry.js";
import { REVIEWER_ROLES } from "./article-access.js";
import { isUuid } from "./article-validation.js";
import type { Article } from "./article.entity.js";

/**
 * Who is told what about articles (issue 18), as in-app notifications with message keys the staff
 * apps render in the viewer's language:
 * - submitted for review → every reviewer (admin, supervisor) who did not write the change;
 * - approved, sent back, urgently approved → the change's editors and the owning unit's editors
 *   (handlers of that unit), not the one who decided;
 * - nearing expiry (outbox `knowledge.article_expiring`) → the author and the owning unit's editors, once.
 */
export const NOTICE = {
  reviewWaiting: "knowledge.review_waiting",
  approved: "knowledge.review_approved",
  sentBack: "knowledge.review_sent_back",
  urgentApproved: "knowledge.urgent_approved",
  expiring: "knowledge.article_expiring",
} as const;

const REVIEW_QUEUE_LINK = "knowledge/review";
const articleLink = (id: string) => `knowledge/articles/${encodeURIComponent(id)}`;

type Db = DataSource | EntityManager;

async function ids(db: Db, sql: string, params: unknown[]): Promise<string[]> {
  const rows: Array<{ id: string }> = await db.query(sql, params);
  return rows.map((row) => row.id);
}

/** Active reviewers (admins and supervisors). */
function reviewers(db: Db): Promise<string[]> {
  return ids(db, "SELECT id FROM platform_user WHERE active AND roles && $1::text[]", [REVIEWER_ROLES]);
}

/** Active editors of a unit's articles (its handlers). */
function unitEditors(db: Db, unitId: string | null): Promise<string[]> {
  return unitId ? ids(db, "SELECT id FROM platform_user WHERE active AND unit_id = $1 AND $2 = ANY(roles)", [unitId, Role.HANDLER]) : Promise.resolve([]);
}

const without = (list: Iterable<string>, ...excluded: Array<string | null | undefined>) => [...new Set(list)].filter((id) => !excluded.includes(id));

/** Tells the reviewers who may review it that an article (or a change to one) waits for them. */
export async function noticeReviewWaiting(manager: EntityManager, input: { article: Article; version: number; actor: Actor; contributors: ReadonlySet<string> }): Promise<void> {
  const recipients = (await reviewers(manager)).filter((id) => id !== input.actor.id && !input.contributors.has(id));
  await notify(manager, {
    recipientIds: recipients,
    kind: NOTICE.reviewWaiting,
    titleKey: "notify.knowledge.reviewWaiting",
    params: { title: input.article.title, version: String(input.version), editor: input.actor.name },
    link: REVIEW_QUEUE_LINK,
  });
}

/** Tells the change's editors and the owning unit's editors how a review (or an urgent approval) went. */
export async function noticeReviewDecided(
  manager: EntityManager,
  input: { article: Article; version: number; actor: Actor; editors: Iterable<string>; outcome: "approved" | "sentBack" | "urgentApproved"; comment: string | null },
): Promise<void> {
  const recipients = without([...input.editors, ...(await unitEditors(manager, input.article.owningUnitId))], input.actor.id);
  await notify(manager, {
    recipientIds: recipients,
    kind: NOTICE[input.outcome],
    titleKey: `notify.knowledge.${input.outcome}`,
    bodyKey: input.comment ? "notify.knowledge.comment" : null,
    params: { title: input.article.title, version: String(input.version), reviewer: input.actor.name, ...(input.comment ? { comment: input.comment } : {}) },
    link: articleLink(input.article.id),
  });
}

/** Outbox handler: the owners of an article nearing expiry are told once per expiry date. */
export function articleExpiringNoticeHandler(dataSource: DataSource): EventHandler {
  return {
    name: "knowledge.notify-article-expiring",
    eventType: ARTICLE_EXPIRING,
    handle: async (event: StoredEvent) => {
      const { articleId, title, expiresOn, owningUnitId, authorId } = event.payload as Record<string, unknown>;
      if (!isUuid(articleId) || typeof title !== "string" || typeof expiresOn !== "string") {
        return;
      }
      const owners = [...(isUuid(authorId) ? [authorId] : []), ...(await unitEditors(dataSource, isUuid(owningUnitId) ? owningUnitId : null))];
      await notify(dataSource, {
        recipientIds: owners,
        kind: NOTICE.expiring,
        titleKey: "notify.knowledge.expiring",
        params: { title, expiresOn },
        link: articleLink(articleId),
        dedupeKey: `${ARTICLE_EXPIRING}:${articleId}:${expiresOn}`,
      });
    },
  };
}
