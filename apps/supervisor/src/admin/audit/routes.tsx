import { appNavItem, EmptyState, type NavItem } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useAuditT } from "./messages.ts";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const AuditLogPage = lazy(() => import("./AuditLogPage.tsx").then((module) => ({ default: module.AuditLogPage })));

export const AUDIT_PATH = "admin/audit";

export function isAuditPath(path: string): boolean {
  return path === AUDIT_PATH;
}

/** Nav entry for admins: the audit log. */
export function auditNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return roles.includes("ADMIN") ? [appNavItem(AUDIT_PATH, label, isAuditPath(path))] : [];
}

/** `admin/audit` for admins; "not available" for other roles. */
export function AuditRoutes({ roles }: { roles: readonly string[] }): ReactNode {
  const t = useAuditT();
  return roles.includes("ADMIN") ? <AuditLogPage /> : <EmptyState testId="audit-forbidden" title={t("al.forbidden")} />;
}
