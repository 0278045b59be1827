import { EmptyState } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useIntegratorT } from "./messages.ts";
import { ADMINS, DELIVERIES_PREFIX } from "./nav.ts";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const AdminIntegratorsPage = lazy(() => import("./AdminIntegratorsPage.tsx").then((module) => ({ default: module.AdminIntegratorsPage })));
const WebhookDeliveriesPage = lazy(() => import("./WebhookDeliveriesPage.tsx").then((module) => ({ default: module.WebhookDeliveriesPage })));

/** The integrators page and a webhook's deliveries, for admins; "not available" for other roles. */
export function AdminIntegratorsRoutes({ path, roles }: { path: string; roles: readonly string[] }): ReactNode {
  const t = useIntegratorT();
  if (!roles.some((role) => ADMINS.includes(role))) {
    return <EmptyState testId="admin-integrators-forbidden" title={t("ai.forbidden")} />;
  }
  if (path.startsWith(DELIVERIES_PREFIX)) {
    return <WebhookDeliveriesPage webhookId={path.slice(DELIVERIES_PREFIX.length)} />;
  }
  return <AdminIntegratorsPage />;
}
