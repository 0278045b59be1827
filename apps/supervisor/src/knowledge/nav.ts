import { appNavItem, canWriteArticles, EDITOR_PATHS, type NavItem } from "@civicline/ui";
import "./knowledge.css";

// The paths, role lists and nav entries alone, without the pages' wording: the app's first chunk
// imports this file, routes.tsx is a chunk of its own (issue 15).

export const KNOWLEDGE_PATHS = { review: "knowledge/review", stats: "knowledge/stats", transfer: "knowledge/transfer" } as const;

/** Who sees what, as the contract allows: reviewers, statistics readers, import/export. */
const ACCESS = {
  review: ["ADMIN", "SUPERVISOR"],
  stats: ["SUPERVISOR", "LEADER", "ADMIN"],
  transfer: ["ADMIN", "SUPERVISOR"],
} as const;

export function allowedKnowledgePage(page: keyof typeof ACCESS, roles: readonly string[]): boolean {
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
    if (allowedKnowledgePage(page, roles)) {
      items.push(appNavItem(KNOWLEDGE_PATHS[page], labels[page], path === KNOWLEDGE_PATHS[page]));
    }
  }
  if (canWriteArticles(roles)) {
    items.push(appNavItem(EDITOR_PATHS.list, labels.editor, path.startsWith(EDITOR_PATHS.list)));
  }
  return items;
}
