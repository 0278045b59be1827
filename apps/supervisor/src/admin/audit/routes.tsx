import { EmptyState } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useAuditT } from "./messages.ts";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const AuditLogPage = lazy(() => import("./AuditLogPage.tsx").then((module) => ({ default: module.AuditLogPage })));

/** `admin/audit` for admins; "not available" for other roles. */
export function AuditRoutes({ roles }: { roles: readonly string[] }): ReactNode {
  const t = useAuditT();
  return roles.includes("ADMIN") ? <AuditLogPage /> : <EmptyState testId="audit-forbidden" title={t("al.forbidden")} />;
}
