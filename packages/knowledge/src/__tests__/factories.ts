import { Category, intakeModule } from "@civicline/intake";
import { platformModule, Role, User, type Actor } from "@civicline/platform";
import { createTestDatabase, type TestDatabase } from "@civicline/platform/testing";
import { routingModule, Unit } from "@civicline/routing";
import { createArticle } from "../article/article-editing.js";
import { reviewArticle, submitArticleForReview } from "../article/article-review.js";
import type { ArticleFields } from "../article/article-validation.js";
import type { Article } from "../article/article.entity.js";
import { ArticleAudience, ArticleLanguage, ReviewDecision } from "../article/article.enums.js";
import { knowledgeModule } from "../knowledge.module.js";

/** A fresh database with every module the knowledge base depends on, migrated. */
export function knowledgeTestDatabase(): Promise<TestDatabase> {
  const modules = [platformModule, intakeModule, routingModule, knowledgeModule];
  return createTestDatabase({ entities: modules.flatMap((m) => m.entities), migrations: modules.flatMap((m) => m.migrations) });
}

let counter = 0;

async function buildUser(db: TestDatabase, name: string, roles: Role[], unitId: string | null = null): Promise<Actor> {
  const n = ++counter;
  const user = await db.dataSource.getRepository(User).save({ username: `u${n}-${Date.now()}`, displayName: name, passwordHash: "x", roles, unitId });
  return { kind: "staff", id: user.id, name, roles, unitId };
}

export type Fixture = Awaited<ReturnType<typeof buildFixture>>;

/** Fresh categories (a group with two leaves), two units and one staff member per role: new rows each call. */
export async function buildFixture(db: TestDatabase) {
  const n = ++counter;
  const categories = db.dataSource.getRepository(Category);
  const group = await categories.save({ code: `KG${n}`, nameZh: `组${n}`, nameEn: `Group ${n}`, parentId: null, selectable: false });
  const leaf = await categories.save({ code: `KG${n}.A`, nameZh: `噪音${n}`, nameEn: `Noise ${n}`, parentId: group.id, selectable: true });
  const other = await categories.save({ code: `KG${n}.B`, nameZh: `供暖${n}`, nameEn: `Heating ${n}`, parentId: group.id, selectable: true });
  const units = db.dataSource.getRepository(Unit);
  const unit = await units.save({ code: `KU${n}`, nameZh: `城管局${n}`, nameEn: `Urban ${n}`, kind: "BUREAU", areaId: null, parentId: null });
  const otherUnit = await units.save({ code: `KV${n}`, nameZh: `教育局${n}`, nameEn: `Education ${n}`, kind: "BUREAU", areaId: null, parentId: null });
  return {
    group,
    leaf,
    other,
    unit,
    otherUnit,
    author: await buildUser(db, `张静${n}`, [Role.SUPERVISOR]),
    reviewer: await buildUser(db, `管理员${n}`, [Role.ADMIN]),
    secondReviewer: await buildUser(db, `督办${n}`, [Role.SUPERVISOR]),
    handler: await buildUser(db, `周老师${n}`, [Role.HANDLER], unit.id),
    operator: await buildUser(db, `王敏${n}`, [Role.OPERATOR]),
  };
}

/** A valid article input; override what a test cares about. */
export function articleInput(fixture: Fixture, overrides: Partial<ArticleFields> = {}): ArticleFields {
  return {
    title: "夜间施工噪音扰民的投诉处理",
    summary: "夜间22时至次日6时禁止产生噪声的建筑施工作业。",
    body: "## 规定\n\n夜间施工须取得证明并公告。受理时记录工地位置和时间。",
    categoryIds: [fixture.leaf.id],
    keywords: ["噪音", "施工"],
    owningUnitId: fixture.unit.id,
    audience: ArticleAudience.PUBLIC,
    language: ArticleLanguage.ZH_CN,
    effectiveFrom: "2025-01-01",
    expiresOn: null,
    source: "城管局",
    ...overrides,
  };
}

/** Writes, submits and approves an article through the real lifecycle (author ≠ reviewer). */
/** Writes, submits and approves an article; `today` is the review's day (an article past its expiry cannot be approved). */
export async function publishArticle(db: TestDatabase, fixture: Fixture, overrides: Partial<ArticleFields> = {}, options: { today?: string } = {}): Promise<Article> {
  const created = await createArticle({ db: db.dataSource, actor: fixture.author, input: articleInput(fixture, overrides) });
  const submitted = await submitArticleForReview({ db: db.dataSource, actor: fixture.author, id: created.id, lockVersion: created.lockVersion });
  return reviewArticle({ db: db.dataSource, actor: fixture.reviewer, id: created.id, lockVersion: submitted.lockVersion, decision: ReviewDecision.APPROVE, today: options.today });
}
