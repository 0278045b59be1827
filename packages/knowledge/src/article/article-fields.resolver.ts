import { CategoryType, type Category } from "@civicline/intake";
import { dayOf, type AppServices, type RequestContext } from "@civicline/platform";
import { UnitType } from "@civicline/routing";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { isReviewer, isStaff, mayReadChange, mayWrite } from "./article-access.js";
import { isInForce } from "./article-row.js";
import type { ArticleVersion } from "./article-version.entity.js";
import type { Article } from "./article.entity.js";
import { ArticleStatus } from "./article.enums.js";
import { ArticleChangeType, ArticleHistoryEntryType, ArticleType, ArticleVersionType, StaffRefType } from "./article.types.js";
import { knowledgeLoaders } from "./knowledge-loaders.js";

/** What citizens see as the author: the hotline's knowledge team, never a staff member's name. */
export const PUBLIC_AUTHOR: StaffRefType = { id: "knowledge-team", displayName: "12345 热线知识库 (Hotline knowledge team)" };
const EDITABLE: readonly ArticleStatus[] = [ArticleStatus.DRAFT, ArticleStatus.PUBLISHED, ArticleStatus.EXPIRED];

/** Resolves an article's references and viewer-dependent fields; staff-only ones are empty for citizens. */
@Resolver(() => ArticleType)
export class ArticleFieldsResolver {
  constructor(private readonly services: AppServices) {}

  private loaders(ctx: RequestContext) {
    return knowledgeLoaders(this.services.dataSource, ctx.loaders);
  }

  private async staffRef(ctx: RequestContext, id: string): Promise<StaffRefType> {
    const user = await this.loaders(ctx).user.load(id);
    return { id, displayName: user?.displayName ?? "—" };
  }

  @FieldResolver(() => [CategoryType])
  async categories(@Root() article: Article, @Ctx() ctx: RequestContext): Promise<CategoryType[]> {
    const found = await this.loaders(ctx).category.loadMany(article.categoryIds);
    return found.filter((category): category is Category => !!category && !(category instanceof Error)) as CategoryType[];
  }

  @FieldResolver(() => UnitType, { nullable: true })
  async owningUnit(@Root() article: Article, @Ctx() ctx: RequestContext): Promise<UnitType | null> {
    return article.owningUnitId ? ((await this.loaders(ctx).unit.load(article.owningUnitId)) as UnitType | null) : null;
  }

  @FieldResolver(() => StaffRefType)
  author(@Root() article: Article, @Ctx() ctx: RequestContext): Promise<StaffRefType> | StaffRefType {
    return isStaff(ctx.actor) ? this.staffRef(ctx, article.authorId) : PUBLIC_AUTHOR;
  }

  @FieldResolver(() => StaffRefType, { nullable: true })
  async reviewer(@Root() article: Article, @Ctx() ctx: RequestContext): Promise<StaffRefType | null> {
    return isStaff(ctx.actor) && article.reviewerId ? this.staffRef(ctx, article.reviewerId) : null;
  }

  @FieldResolver(() => String, { nullable: true })
  reviewComment(@Root() article: Article, @Ctx() ctx: RequestContext): string | null {
    return isStaff(ctx.actor) ? article.reviewComment : null;
  }

  @FieldResolver(() => Boolean)
  inForce(@Root() article: Article): boolean {
    return isInForce(article, dayOf(new Date()));
  }

  @FieldResolver(() => Boolean)
  canEdit(@Root() article: Article, @Ctx() ctx: RequestContext): boolean {
    return EDITABLE.includes(article.status) && article.pendingState !== ArticleStatus.IN_REVIEW && mayWrite(ctx.actor, article);
  }

  @FieldResolver(() => Boolean)
  async canReview(@Root() article: Article, @Ctx() ctx: RequestContext): Promise<boolean> {
    const changeInReview = article.status === ArticleStatus.PUBLISHED && article.pendingState === ArticleStatus.IN_REVIEW;
    const inReview = article.status === ArticleStatus.IN_REVIEW || changeInReview;
    const writer = changeInReview ? article.pendingAuthorId : article.authorId;
    if (!inReview || !isReviewer(ctx.actor) || writer === ctx.actor!.id) {
      return false;
    }
    return !(await this.loaders(ctx).contributors.load(article.id)).has(ctx.actor!.id);
  }

  @FieldResolver(() => Boolean)
  canApproveUrgently(@Root() article: Article, @Ctx() ctx: RequestContext): boolean {
    return article.status === ArticleStatus.PUBLISHED && article.pendingVersion !== null && isReviewer(ctx.actor);
  }

  @FieldResolver(() => ArticleChangeType, { nullable: true })
  async pendingChange(@Root() article: Article, @Ctx() ctx: RequestContext): Promise<ArticleChangeType | null> {
    if (article.pendingVersion === null || article.pendingState === null || !mayReadChange(ctx.actor, article)) {
      return null;
    }
    const version = (await this.loaders(ctx).versions.load(article.id)).find((v) => v.number === article.pendingVersion);
    if (!version) {
      return null;
    }
    const editorId = article.pendingAuthorId ?? version.createdBy;
    return { state: article.pendingState, version: version as unknown as ArticleVersionType, editor: await this.staffRef(ctx, editorId) };
  }

  @FieldResolver(() => [ArticleHistoryEntryType])
  async history(@Root() article: Article, @Ctx() ctx: RequestContext): Promise<ArticleHistoryEntryType[]> {
    if (!mayReadChange(ctx.actor, article)) {
      return [];
    }
    return (await this.loaders(ctx).history.load(article.id)) as ArticleHistoryEntryType[];
  }

  @FieldResolver(() => [ArticleVersionType])
  async versions(@Root() article: Article, @Ctx() ctx: RequestContext): Promise<ArticleVersionType[]> {
    if (!isStaff(ctx.actor)) {
      return [];
    }
    const all = await this.loaders(ctx).versions.load(article.id);
    const visible = mayReadChange(ctx.actor, article) ? all : all.filter((v) => v.number <= article.versionNumber);
    return visible as unknown as ArticleVersionType[];
  }
}

/** Resolves who wrote a version. */
@Resolver(() => ArticleVersionType)
export class ArticleVersionFieldsResolver {
  constructor(private readonly services: AppServices) {}

  @FieldResolver(() => StaffRefType)
  async createdBy(@Root() version: ArticleVersion, @Ctx() ctx: RequestContext): Promise<StaffRefType> {
    const user = await knowledgeLoaders(this.services.dataSource, ctx.loaders).user.load(version.createdBy);
    return { id: version.createdBy, displayName: user?.displayName ?? "—" };
  }
}
