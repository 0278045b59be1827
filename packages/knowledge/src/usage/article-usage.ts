import { requireRole, ValidationError, type Actor, type EventHandler, type StoredEvent } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { mayRead, READER_ROLES } from "../article/article-access.js";
import { returnedRows } from "../article/article-row.js";
import { isUuid } from "../article/article-validation.js";
import { Article } from "../article/article.entity.js";
import { articleNotFound } from "../knowledge.errors.js";
import { In } from "typeorm";

/** Published by intake when a call-taker closes a ticket with a direct answer; payload `{ ticketId, articleIds }`. */
export const TICKET_ANSWERED_DIRECTLY = "intake.ticket_answered_directly";
const MAX_ARTICLES = 20;

/**
 * Writes usage rows (with the version in force at that moment — a change under review is never
 * what was used) and bumps the articles' usage counts, in the caller's transaction. With a
 * ticket, each (ticket, article) pair counts once however often it is recorded (idempotent);
 * without one, every call counts. Returns how many uses were counted.
 */
export async function insertUsage(manager: EntityManager, input: { articleIds: string[]; ticketId: string | null; usedBy: string | null }): Promise<number> {
  if (input.articleIds.length === 0) {
    return 0;
  }
  const result: unknown = await manager.query(
    `WITH used AS (
       INSERT INTO knowledge_article_usage (article_id, ticket_id, used_by, version_number)
       SELECT a.id, $2::uuid, $3::uuid, a.version_number FROM knowledge_article a WHERE a.id = ANY($1::uuid[])
       ON CONFLICT (article_id, ticket_id) WHERE ticket_id IS NOT NULL DO NOTHING
       RETURNING article_id)
     UPDATE knowledge_article a SET usage_count = a.usage_count + 1 FROM used WHERE a.id = used.article_id RETURNING a.id`,
    [input.articleIds, input.ticketId, input.usedBy],
  );
  return returnedRows<{ id: string }>(result).length;
}

/** A call-taker used these articles to answer (optionally for a ticket): counts usage. */
export async function recordArticleUse(options: {
  db: DataSource | EntityManager;
  actor: Actor | null;
  articleIds: string[];
  ticketId?: string | null;
}): Promise<number> {
  const actor = requireRole(options.actor, READER_ROLES);
  const articleIds = [...new Set(options.articleIds)];
  if (articleIds.length === 0 || articleIds.length > MAX_ARTICLES) {
    throw new ValidationError([{ field: "articleIds", code: articleIds.length ? "TOO_LONG" : "REQUIRED", message: `Give 1 to ${MAX_ARTICLES} articles.` }]);
  }
  if (options.ticketId && !isUuid(options.ticketId)) {
    throw new ValidationError([{ field: "ticketId", code: "INVALID_FORMAT", message: "Not a ticket id." }]);
  }
  if (!articleIds.every(isUuid)) {
    throw articleNotFound();
  }
  return options.db.transaction(async (manager) => {
    const articles = await manager.findBy(Article, { id: In(articleIds) });
    if (articles.length !== articleIds.length || !articles.every((article) => mayRead(actor, article))) {
      throw articleNotFound();
    }
    return insertUsage(manager, { articleIds, ticketId: options.ticketId ?? null, usedBy: actor.id });
  });
}

/** Handles intake's direct-answer event: records each (ticket, article) use once, ignoring unknown articles. */
export function directAnswerUsageHandler(dataSource: DataSource): EventHandler {
  return {
    name: "knowledge.count-direct-answer-usage",
    eventType: TICKET_ANSWERED_DIRECTLY,
    handle: async (event: StoredEvent) => {
      const { ticketId, articleIds } = event.payload as { ticketId?: unknown; articleIds?: unknown };
      if (!isUuid(ticketId) || !Array.isArray(articleIds)) {
        return;
      }
      const ids = [...new Set(articleIds.filter(isUuid))];
      await dataSource.transaction(async (manager) => {
        const existing = ids.length ? (await manager.findBy(Article, { id: In(ids) })).map((article) => article.id) : [];
        await insertUsage(manager, { articleIds: existing, ticketId, usedBy: event.actorId ?? null });
      });
    },
  };
}
