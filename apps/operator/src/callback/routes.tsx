import { appNavItem, EmptyState, type NavItem } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useCallbackT } from "./messages.ts";
import { CALLBACK_PATH, callbackTabPath, isCallbackPath, tabOf, taskIdOf } from "./paths.ts";
import "./callback.css";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const CallbackQueuePage = lazy(() => import("./CallbackQueuePage.tsx").then((module) => ({ default: module.CallbackQueuePage })));
const CallbackTaskPage = lazy(() => import("./CallbackTaskPage.tsx").then((module) => ({ default: module.CallbackTaskPage })));

export { isCallbackPath };

/** Who records calls (the callback agents), and who may look at the queues (as the API allows). */
const AGENTS = ["CALLBACK_AGENT"];
const READERS = ["CALLBACK_AGENT", "SUPERVISOR", "ADMIN", "LEADER"];
/** Roles that also work the call desk or a unit; a callback agent with none of them works callbacks only. */
const DESK_ROLES = ["OPERATOR", "DISPATCHER", "HANDLER", "SUPERVISOR", "QA_INSPECTOR", "LEADER", "ADMIN"];

const hasAny = (roles: readonly string[], wanted: readonly string[]) => roles.some((role) => wanted.includes(role));

/** A callback agent without a desk role: their home is the callback queue, not the call desk. */
export function isCallbackAgentOnly(roles: readonly string[]): boolean {
  return hasAny(roles, AGENTS) && !hasAny(roles, DESK_ROLES);
}

/** Nav entries for callback agents: the callback queue (home of a callback-only agent) and the missed calls. */
export function callbackNavItems(path: string, search: string, roles: readonly string[], labels: { queue: string; missed: string }): NavItem[] {
  if (!hasAny(roles, AGENTS)) {
    return [];
  }
  const onQueue = path === CALLBACK_PATH || (path === "" && isCallbackAgentOnly(roles));
  const missed = onQueue && tabOf(search) === "missed";
  return [
    appNavItem(CALLBACK_PATH, labels.queue, (onQueue && !missed) || taskIdOf(path) !== null),
    appNavItem(callbackTabPath("missed"), labels.missed, missed),
  ];
}

/** The callback page for `path` (a callback-only agent's home is the queue), or "not available". */
export function CallbackRoutes({ path, search, roles }: { path: string; search: string; roles: readonly string[] }): ReactNode {
  const t = useCallbackT();
  if (!hasAny(roles, READERS)) {
    return <EmptyState testId="callback-forbidden" title={t("error.FORBIDDEN")} />;
  }
  const taskId = taskIdOf(path);
  if (taskId) {
    return <CallbackTaskPage key={taskId} id={taskId} canRecord={hasAny(roles, AGENTS)} />;
  }
  return <CallbackQueuePage tab={tabOf(search)} />;
}
