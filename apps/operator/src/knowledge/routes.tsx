import { appNavItem, canWriteArticles, EDITOR_PATHS, EmptyState, parseEditorPath, type NavItem } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useOperatorKnowledgeT } from "./messages.ts";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const EditorPages = lazy(() => import("./EditorPages.tsx").then((module) => ({ default: module.EditorPages })));
const KnowledgePage = lazy(() => import("./KnowledgePage.tsx").then((module) => ({ default: module.KnowledgePage })));

export const KNOWLEDGE_PATH = "knowledge";

/** Whether an in-app path belongs to the knowledge base (search page or editor). */
export function isKnowledgePath(path: string): boolean {
  return path === KNOWLEDGE_PATH || path.startsWith(`${KNOWLEDGE_PATH}/`);
}

/**
 * Nav entries: the knowledge base for every call-taker, "My articles" only for the roles that may
 * write articles (admin, supervisor, handler).
 */
export function knowledgeNavItems(path: string, roles: readonly string[], labels: { search: string; editor: string }): NavItem[] {
  const items = [appNavItem(KNOWLEDGE_PATH, labels.search, path === KNOWLEDGE_PATH)];
  if (canWriteArticles(roles)) {
    items.push(appNavItem(EDITOR_PATHS.list, labels.editor, path.startsWith(EDITOR_PATHS.list)));
  }
  return items;
}

/** The knowledge page for `path`. */
export function KnowledgeRoutes({ path, roles }: { path: string; roles: readonly string[] }): ReactNode {
  const t = useOperatorKnowledgeT();
  if (path === KNOWLEDGE_PATH) {
    return <KnowledgePage />;
  }
  const editor = parseEditorPath(path);
  if (editor) {
    return <EditorPages route={editor} roles={roles} />;
  }
  return <EmptyState testId="kb-not-found" title={t("kb.error.KNOWLEDGE/ARTICLE_NOT_FOUND")} />;
}
