import { EmptyState, Loading } from "@civicline/ui";
import { lazy, Suspense, type ReactNode } from "react";
import { useReportT } from "./messages.ts";
import { mayProduceReports } from "./nav.ts";

const ReportPage = lazy(() => import("./ReportPage.tsx").then((module) => ({ default: module.ReportPage })));

export function ReportRoutes({ roles }: { roles: readonly string[] }): ReactNode {
  const t = useReportT();
  if (!mayProduceReports(roles)) {
    return <EmptyState testId="report-forbidden" title={t("rpt.forbidden")} />;
  }
  return (
    <Suspense fallback={<Loading />}>
      <ReportPage />
    </Suspense>
  );
}
