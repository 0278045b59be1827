import { appNavItem, EmptyState, type NavItem } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useChasingT } from "./messages.ts";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const ChasingPage = lazy(() => import("./ChasingPage.tsx").then((module) => ({ default: module.ChasingPage })));

/** The chasing board's path (the supervisor's landing page; the per-role landing is the app's). */
export const CHASING_PATH = "chasing";

/** Who reads the whole board, as the API allows; dispatchers read the dispatch stage. */
const READERS = ["SUPERVISOR", "LEADER", "ADMIN"];
const DISPATCH_READERS = ["DISPATCHER"];
/** Who may issue supervision orders (the row action opens the ticket page's order panel). */
const ORDER_ISSUERS = ["SUPERVISOR", "ADMIN"];

export function isChasingPath(path: string): boolean {
  return path === CHASING_PATH;
}

export function mayReadChasing(roles: readonly string[]): boolean {
  return roles.some((role) => READERS.includes(role) || DISPATCH_READERS.includes(role));
}

/** Nav entry of the board, for the roles that may read it. */
export function chasingNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return mayReadChasing(roles) ? [appNavItem(CHASING_PATH, label, isChasingPath(path))] : [];
}

/** The board, or "not available" for roles that may not read it. */
export function ChasingRoutes({ roles }: { roles: readonly string[] }): ReactNode {
  const t = useChasingT();
  if (!mayReadChasing(roles)) {
    return <EmptyState testId="chasing-forbidden" title={t("ch.forbidden")} />;
  }
  const full = roles.some((role) => READERS.includes(role));
  return <ChasingPage stages={full ? undefined : ["WAITING_DISPATCH"]} canIssueOrders={roles.some((role) => ORDER_ISSUERS.includes(role))} />;
}
