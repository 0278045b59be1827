import { lazy, type ReactNode } from "react";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const TicketSearchPage = lazy(() => import("./TicketSearchPage.tsx").then((module) => ({ default: module.TicketSearchPage })));

export function TicketSearchRoutes({ roles }: { roles: readonly string[] }): ReactNode {
  return <TicketSearchPage roles={roles} />;
}
