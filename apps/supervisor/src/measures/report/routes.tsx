import { appNavItem, EmptyState, Loading, type NavItem } from "@civicline/ui";
import { lazy, Suspense, type ReactNode } from "react";
import { useReportT } from "./messages.ts";

const ReportPage = lazy(() => import("./ReportPage.tsx").then((module) => ({ default: module.ReportPage })));

/** The oversight report's path (监督报告), in the measures menu. */
export const REPORT_PATH = "measures/report";

const READERS = ["SUPERVISOR", "LEADER", "ADMIN"];

export function isReportPath(path: string): boolean {
  return path === REPORT_PATH;
}

export function mayProduceReports(roles: readonly string[]): boolean {
  return roles.some((role) => READERS.includes(role));
}

export function reportNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return mayProduceReports(roles) ? [appNavItem(REPORT_PATH, label, isReportPath(path))] : [];
}

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
