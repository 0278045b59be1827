import { EmptyState } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useChasingT } from "./messages.ts";
import { mayReadChasing, ORDER_ISSUERS, READERS } from "./nav.ts";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const ChasingPage = lazy(() => import("./ChasingPage.tsx").then((module) => ({ default: module.ChasingPage })));

/** The board, or "not available" for roles that may not read it. */
export function ChasingRoutes({ roles }: { roles: readonly string[] }): ReactNode {
  const t = useChasingT();
  if (!mayReadChasing(roles)) {
    return <EmptyState testId="chasing-forbidden" title={t("ch.forbidden")} />;
  }
  const full = roles.some((role) => READERS.includes(role));
  return <ChasingPage stages={full ? undefined : ["WAITING_DISPATCH"]} canIssueOrders={roles.some((role) => ORDER_ISSUERS.includes(role))} />;
}
