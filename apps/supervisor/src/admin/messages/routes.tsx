import { appNavItem, EmptyState, type NavItem } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useAdminMessageT } from "./messages.ts";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const AdminMessagesPage = lazy(() => import("./AdminMessagesPage.tsx").then((module) => ({ default: module.AdminMessagesPage })));

export const ADMIN_MESSAGES_PATH = "admin/messages";
/** Only admins word the citizens' texts (the query and mutation are ADMIN on the server too). */
const ADMINS = ["ADMIN"];

export function isAdminMessagesPath(path: string): boolean {
  return path === ADMIN_MESSAGES_PATH;
}

/** Nav entry for admins (grouped under Administration by navGroups). */
export function adminMessagesNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return roles.some((role) => ADMINS.includes(role)) ? [appNavItem(ADMIN_MESSAGES_PATH, label, path === ADMIN_MESSAGES_PATH)] : [];
}

/** The citizens' text templates for admins; "not available" for other roles. */
export function AdminMessagesRoutes({ roles }: { roles: readonly string[] }): ReactNode {
  const t = useAdminMessageT();
  if (!roles.some((role) => ADMINS.includes(role))) {
    return <EmptyState testId="admin-messages-forbidden" title={t("am.forbidden")} />;
  }
  return <AdminMessagesPage />;
}
