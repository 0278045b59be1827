import { EmptyState } from "@civicline/ui";
import type { ReactNode } from "react";
import { AppealsPage } from "./AppealsPage.tsx";
import { InspectionPage } from "./InspectionPage.tsx";
import { InspectionQueuePage } from "./InspectionQueuePage.tsx";
import { useQaInspectT } from "./messages.ts";
import { isQaInspector, QA_APPEALS_PATH, QA_INSPECT_PATH } from "./paths.ts";
import "./qa-inspect.css";

/**
 * `qa/inspect` (the queue), `qa/inspect/<sample id>` (score one call), `qa/appeals` (decide appeals);
 * App.tsx loads this lazily.
 */
export function QaInspectRoutes({ path, roles }: { path: string; roles: readonly string[] }): ReactNode {
  const t = useQaInspectT();
  const inspector = isQaInspector(roles);
  if (path === QA_APPEALS_PATH) {
    // Team leads have no role of their own: the API says whether the viewer leads a team (AppealsPage).
    return <AppealsPage />;
  }
  if (!inspector) {
    return <EmptyState testId="qa-inspect-forbidden" title={t("qi.forbidden")} />;
  }
  const sampleId = path.slice(QA_INSPECT_PATH.length + 1);
  return sampleId ? <InspectionPage key={sampleId} sampleId={sampleId} /> : <InspectionQueuePage />;
}
