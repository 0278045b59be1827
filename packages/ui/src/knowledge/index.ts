/** The knowledge base's shared screens and helpers (issue 3). */
export { ArticleView, type ArticleViewProps } from "./ArticleView.tsx";
export { ArticleStatusBadge, InForceBadge, useArticleStatusLabel } from "./badges.tsx";
export { addDays, forceState, isIsoDay, monthOf, shanghaiDay, startOfShanghaiDay } from "./dates.ts";
export { ArticleDiffView, collapseRun, DiffView, type DiffViewProps } from "./DiffView.tsx";
export { isKnowledgeErrorCode, KNOWLEDGE_ERROR_CODES, useKnowledgeErrorMessage, type KnowledgeErrorCode } from "./errors.ts";
export { Highlighted, plainText, type HighlightedProps } from "./Highlighted.tsx";
export { useKnowledgeT, type KbKey } from "./i18n.ts";
export { MarkdownBody } from "./Markdown.tsx";
export { knowledgeMessages, type KnowledgeMessageKey } from "./messages.ts";
export { AppLink, appHref, appNavItem, appPathOf, navigateTo, onAppLinkClick, useAppPath, type AppLinkProps } from "./navigation.tsx";
export * from "./types.ts";
export { ArticleEditorRoutes, type ArticleEditorRoutesProps } from "./editor/ArticleEditorRoutes.tsx";
export { ArticleEditPage, type ArticleEditPageProps } from "./editor/ArticleEditPage.tsx";
export { addKeywords, KeywordsInput, type KeywordsInputProps } from "./editor/KeywordsInput.tsx";
export { categoryGroups, filterCategoryGroups, type CategoryChoice, type CategoryGroup } from "./editor/categories.ts";
export type { KnowledgeEditorDocuments } from "./editor/documents.ts";
export {
  articleServerErrors,
  emptyArticleForm,
  formFromArticle,
  toArticleInput,
  validateArticle,
  type ArticleField,
  type ArticleFormErrors,
  type ArticleFormValues,
} from "./editor/formValues.ts";
export { editorMessages, type EditorMessageKey } from "./editor/messages.ts";
export { MyArticlesPage } from "./editor/MyArticlesPage.tsx";
export { UrgentApprovalForm } from "./editor/UrgentApprovalForm.tsx";
export { canWriteArticles, EDITOR_PATHS, EDITOR_ROLES, parseEditorPath, type EditorRoute } from "./editor/paths.ts";
