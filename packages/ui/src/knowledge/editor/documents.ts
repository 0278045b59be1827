import type { TypedDocumentNode } from "@apollo/client";
import type {
  ArticleDiffRecord,
  ArticleInputValue,
  ArticleListItem,
  ArticleRecord,
  CategoryNode,
  UnitOption,
} from "../types.ts";

type NoVariables = { [key: string]: never };
type LockVariables = { id: string; lockVersion: number };

/**
 * The operations the shared article editor runs. Each app generates them from its own copies of the
 * `Kb*.graphql` files (codegen against the schema) and hands them over, as with StaffDocuments;
 * the compiler checks that the generated results fit these shapes.
 */
export type KnowledgeEditorDocuments = {
  /** `me { id roles unitId }`: a handler's unit is the default responsible unit. */
  viewer: TypedDocumentNode<{ me: { id: string; roles: readonly string[]; unitId: string | null } | null }, NoVariables>;
  myArticles: TypedDocumentNode<
    { articles: { total: number; items: readonly ArticleListItem[] } },
    { limit: number; offset: number }
  >;
  article: TypedDocumentNode<{ article: ArticleRecord }, { id: string }>;
  categories: TypedDocumentNode<{ categories: readonly CategoryNode[] }, NoVariables>;
  units: TypedDocumentNode<{ units: readonly UnitOption[] }, NoVariables>;
  create: TypedDocumentNode<{ createArticle: ArticleRecord }, { input: ArticleInputValue }>;
  update: TypedDocumentNode<
    { updateArticle: ArticleRecord },
    LockVariables & { input: ArticleInputValue; changeNote?: string | null }
  >;
  submit: TypedDocumentNode<{ submitArticleForReview: ArticleRecord }, LockVariables>;
  archive: TypedDocumentNode<{ archiveArticle: ArticleRecord }, LockVariables>;
  /** Urgent correction: a supervisor or admin puts a published article's change in force at once. */
  urgent: TypedDocumentNode<{ approveArticleChangeUrgently: ArticleRecord }, LockVariables & { reason: string }>;
  diff: TypedDocumentNode<{ articleDiff: ArticleDiffRecord }, { id: string; fromVersion: number; toVersion: number }>;
};
