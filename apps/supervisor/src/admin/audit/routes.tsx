import { appNavItem, EmptyState, type NavItem } from "@civicline/ui";
import type { ReactNode } from "react";
import { AuditLogPage } from "./AuditLogPage.tsx";
import { useAuditT } from "./messages.ts";

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
