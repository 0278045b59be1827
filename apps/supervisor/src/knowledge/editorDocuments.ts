import type { KnowledgeEditorDocuments } from "@civicline/ui";
import {
  KbApproveArticleChangeUrgentlyDocument,
  KbArchiveArticleDocument,
  KbArticleDiffDocument,
  KbArticleDocument,
  KbCategoriesDocument,
  KbCreateArticleDocument,
  KbEditorViewerDocument,
  KbMyArticlesDocument,
  KbSubmitArticleForReviewDocument,
  KbUnitsDocument,
  KbUpdateArticleDocument,
} from "../gql/graphql.ts";

/** This app's generated operations for the shared article editor. */
export const knowledgeEditorDocuments: KnowledgeEditorDocuments = {
  viewer: KbEditorViewerDocument,
  myArticles: KbMyArticlesDocument,
  article: KbArticleDocument,
  categories: KbCategoriesDocument,
  units: KbUnitsDocument,
  create: KbCreateArticleDocument,
  update: KbUpdateArticleDocument,
  submit: KbSubmitArticleForReviewDocument,
  archive: KbArchiveArticleDocument,
  diff: KbArticleDiffDocument,
  urgent: KbApproveArticleChangeUrgentlyDocument,
};
