import { EmptyState } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useSupervisorCallbackT } from "./messages.ts";
import { allowedCallbackPage, CALLBACK_PATHS, DECIDERS, SETTINGS_EDITORS, type CallbackPage } from "./nav.ts";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const CallbackSettingsPage = lazy(() => import("./CallbackSettingsPage.tsx").then((module) => ({ default: module.CallbackSettingsPage })));
const ReReportPage = lazy(() => import("./ReReportPage.tsx").then((module) => ({ default: module.ReReportPage })));

/** The callback page for `path`, or "not available" for pages the role may not use. */
export function CallbackRoutes({ path, roles }: { path: string; roles: readonly string[] }): ReactNode {
  const t = useSupervisorCallbackT();
  const page = (Object.keys(CALLBACK_PATHS) as CallbackPage[]).find((candidate) => CALLBACK_PATHS[candidate] === path);
  if (!page || !allowedCallbackPage(page, roles)) {
    return <EmptyState testId="callback-forbidden" title={t("sc.forbidden")} />;
  }
  return page === "reReports" ? <ReReportPage canDecide={roles.some((role) => DECIDERS.includes(role))} /> : <CallbackSettingsPage canEdit={roles.some((role) => SETTINGS_EDITORS.includes(role))} />;
}
