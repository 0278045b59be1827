import type { AppServices, RequestContext } from "@civicline/platform";
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { createArticle, updateArticle } from "./article-editing.js";
import { getArticle, getPublicArticle, listArticles } from "./article-queries.js";
import { archiveArticle, reviewArticle, submitArticleForReview } from "./article-review.js";
import { diffArticleVersions } from "./article-versions.js";
import { approveArticleChangeUrgently } from "./article-change.js";
import type { Article } from "./article.entity.js";
import { ReviewDecision } from "./article.enums.js";
import { ArticleInput, ArticleListFilter } from "./article.inputs.js";
import { ArticleDiffType, ArticlePageType, ArticleType } from "./article.types.js";

const asType = (article: Article) => article as unknown as ArticleType;

@Resolver()
export class ArticleResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => ArticleType, { description: "One article. Staff; drafts and articles in review only for their editors and reviewers." })
  async article(@Arg("id", () => ID, { description: "Article id." }) id: string, @Ctx() ctx: RequestContext): Promise<ArticleType> {
    return asType(await getArticle({ db: this.services.dataSource, actor: ctx.actor, id }));
  }

  @Query(() => ArticleType, { description: "One public article in force, for anyone (the portal). Anything else is KNOWLEDGE/ARTICLE_NOT_FOUND." })
  async publicArticle(@Arg("id", () => ID, { description: "Article id." }) id: string): Promise<ArticleType> {
    return asType(await getPublicArticle({ db: this.services.dataSource, id }));
  }

  @Query(() => ArticlePageType, { description: "Articles the viewer may read, most recently changed first (the review queue, status IN_REVIEW, oldest first). Staff." })
  async articles(
    @Arg("filter", () => ArticleListFilter, { nullable: true, description: "Status, own articles, owning unit." }) filter: ArticleListFilter | null,
    @Arg("limit", () => Int, { nullable: true, defaultValue: 50, description: "Page size, 1 … 200." }) limit: number | null,
    @Arg("offset", () => Int, { nullable: true, defaultValue: 0, description: "Articles to skip, 0 … 100,000." }) offset: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ArticlePageType> {
    const page = await listArticles({ db: this.services.dataSource, actor: ctx.actor, filter, limit, offset });
    return { total: page.total, items: page.items.map(asType) };
  }

  @Query(() => ArticleDiffType, { description: "What changed between two versions of an article. Staff." })
  async articleDiff(
    @Arg("id", () => ID, { description: "Article id." }) id: string,
    @Arg("fromVersion", () => Int, { description: "The older version number." }) fromVersion: number,
    @Arg("toVersion", () => Int, { description: "The newer version number." }) toVersion: number,
    @Ctx() ctx: RequestContext,
  ): Promise<ArticleDiffType> {
    return diffArticleVersions({ db: this.services.dataSource, actor: ctx.actor, id, fromVersion, toVersion });
  }

  @Mutation(() => ArticleType, { description: "An editor (admin, supervisor, or a handler for their unit) writes a new article: a DRAFT at version 1." })
  async createArticle(@Arg("input", () => ArticleInput, { description: "The article." }) input: ArticleInput, @Ctx() ctx: RequestContext): Promise<ArticleType> {
    return asType(await createArticle({ db: this.services.dataSource, actor: ctx.actor, input }));
  }

  @Mutation(() => ArticleType, {
    description:
      "Changes an article's content: a new version every time. For a published article the edit is a draft of its next version (pendingChange): the version in force stays what search, the call screen and the portal use until a reviewer approves the change. An expired article becomes a DRAFT to be reviewed again; one in review (or with a change in review) must be sent back first. A stale lockVersion (another editor saved first) gives CONFLICT.",
  })
  async updateArticle(
    @Arg("id", () => ID, { description: "Article id." }) id: string,
    @Arg("lockVersion", () => Int, { description: "The lockVersion the editor started from." }) lockVersion: number,
    @Arg("input", () => ArticleInput, { description: "The whole article as it should be." }) input: ArticleInput,
    @Arg("changeNote", () => String, { nullable: true, description: "What changed and why (kept with the version)." }) changeNote: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ArticleType> {
    return asType(await updateArticle({ db: this.services.dataSource, actor: ctx.actor, id, lockVersion, input, changeNote }));
  }

  @Mutation(() => ArticleType, { description: "Submits a draft for review (DRAFT → IN_REVIEW), or a published article's change under way. Its editors." })
  async submitArticleForReview(
    @Arg("id", () => ID, { description: "Article id." }) id: string,
    @Arg("lockVersion", () => Int, { description: "The lockVersion the editor saw." }) lockVersion: number,
    @Ctx() ctx: RequestContext,
  ): Promise<ArticleType> {
    return asType(await submitArticleForReview({ db: this.services.dataSource, actor: ctx.actor, id, lockVersion }));
  }

  @Mutation(() => ArticleType, {
    description: "A reviewer (admin, supervisor) approves (→ PUBLISHED) or sends back (→ DRAFT, comment required) an article in review, or a published article's change in review (approval puts it in force in one step; sending back keeps the version in force). Never one they wrote or edited: KNOWLEDGE/REVIEWER_IS_AUTHOR.",
  })
  async reviewArticle(
    @Arg("id", () => ID, { description: "Article id." }) id: string,
    @Arg("lockVersion", () => Int, { description: "The lockVersion the reviewer saw." }) lockVersion: number,
    @Arg("decision", () => ReviewDecision, { description: "Approve or send back." }) decision: ReviewDecision,
    @Arg("comment", () => String, { nullable: true, description: "For the author; required when sending back. Never shown to citizens." }) comment: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ArticleType> {
    return asType(await reviewArticle({ db: this.services.dataSource, actor: ctx.actor, id, lockVersion, decision, comment }));
  }

  @Mutation(() => ArticleType, {
    description:
      "Urgent correction: a supervisor or admin puts a published article's change under way in force at once, without a second reviewer (even one they wrote). A reason is required; the history records it as URGENT_APPROVED. No change: KNOWLEDGE/NO_PENDING_CHANGE.",
  })
  async approveArticleChangeUrgently(
    @Arg("id", () => ID, { description: "Article id." }) id: string,
    @Arg("lockVersion", () => Int, { description: "The lockVersion the approver saw." }) lockVersion: number,
    @Arg("reason", () => String, { description: "Why the correction cannot wait for a review (kept in the history; staff only)." }) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ArticleType> {
    return asType(await approveArticleChangeUrgently({ db: this.services.dataSource, actor: ctx.actor, id, lockVersion, reason }));
  }

  @Mutation(() => ArticleType, { description: "Withdraws an article for good (→ ARCHIVED). Its editors or a reviewer." })
  async archiveArticle(
    @Arg("id", () => ID, { description: "Article id." }) id: string,
    @Arg("lockVersion", () => Int, { description: "The lockVersion the editor saw." }) lockVersion: number,
    @Ctx() ctx: RequestContext,
  ): Promise<ArticleType> {
    return asType(await archiveArticle({ db: this.services.dataSource, actor: ctx.actor, id, lockVersion }));
  }
}
