import { Category } from "@civicline/intake";
import { addWorkingDays, dayOf, markAllNotificationsRead, User, type Actor, type SeedContext } from "@civicline/platform";
import { Unit } from "@civicline/routing";
import type { EntityManager } from "typeorm";
import { createArticle } from "./article/article-editing.js";
import { reviewArticle, submitArticleForReview } from "./article/article-review.js";
import { ArticleAudience, ArticleLanguage, ReviewDecision } from "./article/article.enums.js";
import { demoArticles, type DemoArticle } from "./demo-data/index.js";
import { insertUsage } from "./usage/article-usage.js";

async function actorOf(manager: EntityManager, username: string): Promise<Actor> {
  const user = await manager.findOneByOrFail(User, { username });
  return { kind: "staff", id: user.id, name: user.displayName, roles: user.roles, unitId: user.unitId };
}

/**
 * Publishes demo articles through the real lifecycle, with its ids: the author (`supervisor`)
 * writes and submits, a different reviewer (`admin`) approves. Returns demo key → article id.
 */
export async function publishDemoArticles(
  manager: EntityManager,
  articles: readonly DemoArticle[],
  options: { author: Actor; reviewer: Actor; today?: string },
): Promise<Map<string, string>> {
  const categoryIds = new Map((await manager.find(Category)).map((c) => [c.code, c.id]));
  const unitIds = new Map((await manager.find(Unit)).map((u) => [u.code, u.id]));
  const ids = new Map<string, string>();
  const today = options.today ?? dayOf(new Date());
  for (const demo of articles) {
    const created = await createArticle({
      db: manager,
      actor: options.author,
      input: {
        title: demo.title,
        summary: demo.summary,
        body: demo.body,
        keywords: demo.keywords,
        categoryIds: demo.categoryCodes.map((code) => {
          const id = categoryIds.get(code);
          if (!id) {
            throw new Error(`demo article ${demo.key}: unknown category ${code}`);
          }
          return id;
        }),
        owningUnitId: demo.unitCode ? (unitIds.get(demo.unitCode) ?? null) : null,
        audience: ArticleAudience[demo.audience],
        language: ArticleLanguage[demo.language],
        effectiveFrom: demo.effectiveFrom,
        expiresOn: demo.expiresInWorkingDays !== undefined ? addWorkingDays(today, demo.expiresInWorkingDays) : renewedExpiry(demo.expiresOn ?? null, today),
        source: demo.source,
      },
    });
    const submitted = await submitArticleForReview({ db: manager, actor: options.author, id: created.id, lockVersion: created.lockVersion });
    await reviewArticle({ db: manager, actor: options.reviewer, id: created.id, lockVersion: submitted.lockVersion, decision: ReviewDecision.APPROVE, today });
    ids.set(demo.key, created.id);
  }
  return ids;
}

/**
 * A demo article's fixed expiry date, moved on by whole years while it lies before `today`: the demo
 * policies are yearly notices, and a demo seeded next year must still publish (an expired article cannot be).
 */
export function renewedExpiry(expiresOn: string | null, today: string): string | null {
  if (expiresOn === null) {
    return null;
  }
  const [year, monthDay] = [Number(expiresOn.slice(0, 4)), expiresOn.slice(4)];
  let renewed = expiresOn;
  for (let next = year + 1; renewed < today; next += 1) {
    renewed = monthDay === "-02-29" ? `${next}-02-28` : `${next}${monthDay}`;
  }
  return renewed;
}

/** The demo knowledge base: a few dozen published articles, and some usage so the figures show something. */
export async function seedKnowledgeDemo({ manager, log }: SeedContext): Promise<void> {
  const author = await actorOf(manager, "supervisor");
  const reviewer = await actorOf(manager, "admin");
  const operator = await actorOf(manager, "operator");
  const ids = await publishDemoArticles(manager, demoArticles, { author, reviewer });
  for (const demo of demoArticles) {
    for (let i = 0; i < (demo.demoUses ?? 0); i++) {
      await insertUsage(manager, { articleIds: [ids.get(demo.key)!], ticketId: null, usedBy: operator.id });
    }
  }
  // Publishing told the author and the unit editors about every approval: the demo starts with nothing unread.
  await markAllNotificationsRead(manager);
  log.info({ articles: ids.size }, "knowledge demo articles published");
}
