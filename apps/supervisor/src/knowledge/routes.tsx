import { appNavItem, canWriteArticles, EDITOR_PATHS, EmptyState, parseEditorPath, type NavItem } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useSupervisorKnowledgeT } from "./messages.ts";
import "./knowledge.css";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const EditorPages = lazy(() => import("./EditorPages.tsx").then((module) => ({ default: module.EditorPages })));
const ReviewQueuePage = lazy(() => import("./review/ReviewQueuePage.tsx").then((module) => ({ default: module.ReviewQueuePage })));
const KnowledgeStatsPage = lazy(() => import("./stats/KnowledgeStatsPage.tsx").then((module) => ({ default: module.KnowledgeStatsPage })));
const ImportExportPage = lazy(() => import("./transfer/ImportExportPage.tsx").then((module) => ({ default: module.ImportExportPage })));

export const KNOWLEDGE_PATHS = { review: "knowledge/review", stats: "knowledge/stats", transfer: "knowledge/transfer" } as const;

/** Who sees what, as the contract allows: reviewers, statistics readers, import/export. */
const ACCESS = {
  review: ["ADMIN", "SUPERVISOR"],
  stats: ["SUPERVISOR", "LEADER", "ADMIN"],
  transfer: ["ADMIN", "SUPERVISOR"],
} as const;

function allowed(page: keyof typeof ACCESS, roles: readonly string[]): boolean {
  return roles.some((role) => (ACCESS[page] as readonly string[]).includes(role));
}

export function isKnowledgePath(path: string): boolean {
  return path === "knowledge" || path.startsWith("knowledge/");
}

export type KnowledgeNavLabels = { review: string; stats: string; transfer: string; editor: string };

/** The knowledge entries of the supervisor app's nav, each only for the roles that may use it. */
export function knowledgeNavItems(path: string, roles: readonly string[], labels: KnowledgeNavLabels): NavItem[] {
  const items: NavItem[] = [];
  for (const page of ["review", "stats", "transfer"] as const) {
    if (allowed(page, roles)) {
      items.push(appNavItem(KNOWLEDGE_PATHS[page], labels[page], path === KNOWLEDGE_PATHS[page]));
    }
  }
  if (canWriteArticles(roles)) {
    items.push(appNavItem(EDITOR_PATHS.list, labels.editor, path.startsWith(EDITOR_PATHS.list)));
  }
  return items;
}

/** The knowledge page for `path`, or a "not available" state for pages the role may not use. */
export function KnowledgeRoutes({ path, roles }: { path: string; roles: readonly string[] }): ReactNode {
  const t = useSupervisorKnowledgeT();
  const forbidden = <EmptyState testId="kb-forbidden" title={t("error.FORBIDDEN")} />;
  if (path === KNOWLEDGE_PATHS.review) {
    return allowed("review", roles) ? <ReviewQueuePage /> : forbidden;
  }
  if (path === KNOWLEDGE_PATHS.stats) {
    return allowed("stats", roles) ? <KnowledgeStatsPage canWrite={canWriteArticles(roles)} /> : forbidden;
  }
  if (path === KNOWLEDGE_PATHS.transfer) {
    return allowed("transfer", roles) ? <ImportExportPage /> : forbidden;
  }
  const editor = parseEditorPath(path);
  if (editor) {
    return <EditorPages route={editor} roles={roles} />;
  }
  return <EmptyState testId="kb-not-found" title={t("kb.error.KNOWLEDGE/ARTICLE_NOT_FOUND")} />;
}
