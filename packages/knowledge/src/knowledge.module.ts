import type { DomainModule } from "@civicline/platform";
import { ArticleFieldsResolver, ArticleVersionFieldsResolver } from "./article/article-fields.resolver.js";
import { ArticleHistory } from "./article/article-history.entity.js";
import { ArticleVersion } from "./article/article-version.entity.js";
import { Article } from "./article/article.entity.js";
import { ArticleResolver } from "./article/article.resolver.js";
import { articleExpirySchedule } from "./expiry/article-expiry.js";
import { resumeStaleImports } from "./import-export/import-articles.js";
import { ImportExportResolver } from "./import-export/import-export.resolver.js";
import { ImportJob } from "./import-export/import-job.entity.js";
import { seedKnowledgeDemo } from "./knowledge.seed.js";
import { articleExpiringNoticeHandler } from "./article/article-notices.js";
import { knowledgeMigrations } from "./migrations/index.js";
import { SearchLog } from "./search/search-log.entity.js";
import { searchRecorderFor } from "./search/search-recorder.js";
import { SearchTerm } from "./search/search-term.entity.js";
import { SearchResolver } from "./search/search.resolver.js";
import { StatsResolver } from "./stats/stats.resolver.js";
import { ArticleUsage } from "./usage/article-usage.entity.js";
import { directAnswerUsageHandler } from "./usage/article-usage.js";
import { UsageResolver } from "./usage/usage.resolver.js";

/**
 * Knowledge base: the policy articles call-takers answer from (the "direct answer" of 12345).
 *
 * - Lifecycle (article-lifecycle.ts): DRAFT → IN_REVIEW → PUBLISHED, IN_REVIEW → DRAFT (sent back
 *   with a comment), PUBLISHED → EXPIRED (the expiry schedule), any → ARCHIVED (final). A reviewer
 *   may not approve a change set containing a version they wrote (KNOWLEDGE/REVIEWER_IS_AUTHOR).
 * - Versions: every content edit writes a new append-only snapshot, listed newest first and
 *   diffable. An edit of a PUBLISHED article is a draft of its next version (article-change.ts):
 *   the article row keeps the version in force for search, the call screen, the portal and direct
 *   answers, while the change (pendingVersion / pendingState) is edited, submitted and reviewed by
 *   someone who wrote none of it; approval copies it into the row in one transaction, sending back
 *   keeps the version in force. A supervisor or admin may put a change in force at once with a
 *   reason (URGENT_APPROVED in the history). An EXPIRED article that is edited goes back to DRAFT
 *   and through review.
 * - Search (search/): Chinese bigrams and stemmed English words tokenised in code, weighted
 *   tsvectors with GIN indexes, literal queries only, strict → loose → typo-corrected → any-token →
 *   pg_trgm/ILIKE fallbacks; call-takers only ever see published articles in force today. Ranking
 *   is in two tiers (title/keyword matches, then summary/body matches), each over a bounded number
 *   of candidates, and totals are counted up to 1,000, so that a word found in thousands of
 *   articles costs no more than a rare one.
 * - Usage, figures, expiry warnings (outbox `knowledge.article_expiring`), and import/export in
 *   batches of 200 per transaction.
 * - Search statistics (search-recorder.ts): searches are recorded off the request path, in batches
 *   (every second or 200 searches, and on shutdown); the gaps figure counts searches whose best hit
 *   was weak (WEAK_BEST_SCORE), not only empty ones.
 * - Notices (article-notices.ts): in-app notifications to reviewers (a review waits), to a change's
 *   editors and the owning unit's editors (approved, sent back, urgently approved) and to an
 *   expiring article's owners (from the outbox event, once per expiry date).
 */
export const knowledgeModule: DomainModule = {
  name: "knowledge",
  entities: [Article, ArticleVersion, ArticleHistory, ArticleUsage, SearchLog, SearchTerm, ImportJob],
  migrations: knowledgeMigrations,
  resolvers: [ArticleResolver, ArticleFieldsResolver, ArticleVersionFieldsResolver, SearchResolver, UsageResolver, StatsResolver, ImportExportResolver],
  eventHandlers: ({ dataSource }) => [directAnswerUsageHandler(dataSource), articleExpiringNoticeHandler(dataSource)],
  schedules: (services) => [
    articleExpirySchedule(services.dataSource, services.log),
    { name: "knowledge.resume-imports", everyMs: 60_000, run: async () => void (await resumeStaleImports(services)) },
  ],
  stoppables: (services) => [{ name: "knowledge.search-recorder", stop: () => searchRecorderFor(services).stop() }],
  seedDemo: seedKnowledgeDemo,
};
