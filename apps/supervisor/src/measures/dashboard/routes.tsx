import { EmptyState, Loading } from "@civicline/ui";
import { lazy, Suspense, type ReactNode } from "react";
import { useSupervisorT } from "../../messages.ts";
import { mayReadMeasures } from "./nav.ts";

/** The dashboard's own chunk: its page (and ECharts, later still) load only when it is opened. */
const DashboardPage = lazy(() => import("./DashboardPage.tsx"));

export function MeasuresDashboardRoutes({ roles }: { roles: readonly string[] }): ReactNode {
  const t = useSupervisorT();
  if (!mayReadMeasures(roles)) {
    return <EmptyState testId="measures-forbidden" title={t("measures.forbidden")} />;
  }
  return (
    <Suspense fallback={<Loading />}>
      <DashboardPage />
    </Suspense>
  );
}
