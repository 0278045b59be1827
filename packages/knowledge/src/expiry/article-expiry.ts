import { addWorkingDays, dayOf, recordEvent, type AppServices, type ScheduledJob } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { ArticleAction } from "../article/article-history.entity.js";
import { returnedRows } from "../article/article-row.js";
import { lockArticle, transitionArticle } from "../article/article-lifecycle.js";
import { ArticleStatus } from "../article/article.enums.js";
import { EXPIRY_WARNING_WORKING_DAYS } from "../stats/knowledge-stats.js";

type Logger = AppServices["log"];

/** Recorded (outbox) once per article and expiry date, EXPIRY_WARNING_WORKING_DAYS working days ahead. */
export const ARTICLE_EXPIRING = "knowledge.article_expiring";
const BATCH = 100;

/**
 * (a) Moves published articles past their expiry date to EXPIRED (one history row each, batches of
 * 100 per transaction); (b) warns the owners of published articles expiring within
 * EXPIRY_WARNING_WORKING_DAYS working days, once: sets `warned_at` and records
 * `knowledge.article_expiring` in the same transaction. Idempotent; `today` is Asia/Shanghai.
 */
export async function runArticleExpiry(options: { dataSource: DataSource; today?: string; log?: Logger }): Promise<{ expired: number; warned: number }> {
  const today = options.today ?? dayOf(new Date());
  let expired = 0;
  for (;;) {
    const due: Array<{ id: string }> = await options.dataSource.query(
      "SELECT id FROM knowledge_article WHERE status = 'PUBLISHED' AND expires_on < $1::date ORDER BY expires_on, id LIMIT $2",
      [today, BATCH],
    );
    if (due.length === 0) {
      break;
    }
    await options.dataSource.transaction(async (manager) => {
      for (const { id } of due) {
        const article = await lockArticle(manager, id);
        if (article.status === ArticleStatus.PUBLISHED && article.expiresOn !== null && article.expiresOn < today) {
          await transitionArticle(manager, { article, to: ArticleStatus.EXPIRED, action: ArticleAction.EXPIRED, actor: null, comment: `expired after ${article.expiresOn}` });
          expired++;
        }
      }
    });
  }
  const warnUntil = addWorkingDays(today, EXPIRY_WARNING_WORKING_DAYS);
  const warned = await options.dataSource.transaction(async (manager) => {
    const rows = returnedRows<{ id: string; title: string; expires_on: string; owning_unit_id: string | null; author_id: string }>(await manager.query(
      `UPDATE knowledge_article a SET warned_at = now()
       WHERE a.id IN (SELECT id FROM knowledge_article WHERE status = 'PUBLISHED' AND warned_at IS NULL
                      AND expires_on BETWEEN $1::date AND $2::date FOR UPDATE SKIP LOCKED)
       RETURNING a.id, a.title, a.expires_on::text AS expires_on, a.owning_unit_id, a.author_id`,
      [today, warnUntil],
    ));
    for (const row of rows) {
      await recordEvent(manager, {
        type: ARTICLE_EXPIRING,
        payload: { articleId: row.id, title: row.title, expiresOn: row.expires_on, owningUnitId: row.owning_unit_id, authorId: row.author_id },
      });
    }
    return rows.length;
  });
  if (expired + warned > 0) {
    options.log?.info({ expired, warned }, "knowledge: article expiry run");
  }
  return { expired, warned };
}

/** The periodic expiry job (every 15 minutes; expiry is by calendar day). */
export function articleExpirySchedule(dataSource: DataSource, log: Logger): ScheduledJob {
  return { name: "knowledge.article-expiry", everyMs: 15 * 60_000, run: async () => void (await runArticleExpiry({ dataSource, log })) };
}
