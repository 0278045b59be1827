import { appNavItem, EmptyState, type NavItem } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useIntegratorT } from "./messages.ts";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const AdminIntegratorsPage = lazy(() => import("./AdminIntegratorsPage.tsx").then((module) => ({ default: module.AdminIntegratorsPage })));
const WebhookDeliveriesPage = lazy(() => import("./WebhookDeliveriesPage.tsx").then((module) => ({ default: module.WebhookDeliveriesPage })));

export const ADMIN_INTEGRATORS_PATH = "admin/integrators";
const DELIVERIES_PREFIX = `${ADMIN_INTEGRATORS_PATH}/webhooks/`;
/** Only admins manage integrators (the operations are ADMIN on the server too). */
const ADMINS = ["ADMIN"];

export function deliveriesPath(webhookId: string): string {
  return `${DELIVERIES_PREFIX}${webhookId}`;
}

export function isAdminIntegratorsPath(path: string): boolean {
  return path === ADMIN_INTEGRATORS_PATH || path.startsWith(`${ADMIN_INTEGRATORS_PATH}/`);
}

/** Nav entry for admins (grouped under Administration by navGroups). */
export function adminIntegratorsNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return roles.some((role) => ADMINS.includes(role)) ? [appNavItem(ADMIN_INTEGRATORS_PATH, label, isAdminIntegratorsPath(path))] : [];
}

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
