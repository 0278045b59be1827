import { EmptyState } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useAdminMessageT } from "./messages.ts";
import { ADMINS } from "./nav.ts";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const AdminMessagesPage = lazy(() => import("./AdminMessagesPage.tsx").then((module) => ({ default: module.AdminMessagesPage })));

export { adminMessagesNavItems } from "./nav.ts";

/** The citizens' text templates for admins; "not available" for other roles. */
export function AdminMessagesRoutes({ roles }: { roles: readonly string[] }): ReactNode {
  const t = useAdminMessageT();
  if (!roles.some((role) => ADMINS.includes(role))) {
    return <EmptyState testId="admin-messages-forbidden" title={t("am.forbidden")} />;
  }
  return <AdminMessagesPage />;
}
