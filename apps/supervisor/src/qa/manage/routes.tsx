import { EmptyState } from "@civicline/ui";
import type { ReactNode } from "react";
import { AssessmentPage } from "./assessment/AssessmentPage.tsx";
import { ScoreFormsPage } from "./forms/ScoreFormsPage.tsx";
import { useQaManageT } from "./messages.ts";
import { qaManagePages } from "./nav.ts";
import { QA_ASSESSMENT_PATH, QA_FORMS_PATH, QA_REVIEW_PATH, QA_ROSTER_PATH } from "./paths.ts";
import { RosterPage } from "./roster/RosterPage.tsx";
import { WeeklyReviewPage } from "./review/WeeklyReviewPage.tsx";
import type { QaViewer } from "./useQaViewer.ts";

/** The QA management page at `path` (a lazy chunk of its own), or a refusal that says why. */
export function QaManageRoutes({ path, roles, qa }: { path: string; roles: readonly string[]; qa: QaViewer }): ReactNode {
  const t = useQaManageT();
  const pages = qaManagePages(roles, qa);
  const forbidden = roles.includes("OPERATOR") ? (
    <EmptyState testId="qa-manage-forbidden" title={t("qm.notLead.title")}>
      <p>{t("qm.notLead.body")}</p>
    </EmptyState>
  ) : (
    <EmptyState testId="qa-manage-forbidden" title={t("qm.forbidden")} />
  );
  if (path === QA_ROSTER_PATH) {
    return pages.roster ? <RosterPage roles={roles} qa={qa} /> : forbidden;
  }
  if (path === QA_REVIEW_PATH) {
    return pages.review ? <WeeklyReviewPage qa={qa} /> : forbidden;
  }
  if (path === QA_ASSESSMENT_PATH) {
    return pages.assessment ? <AssessmentPage roles={roles} ledTeamIds={qa.ledTeamIds} /> : forbidden;
  }
  if (path === QA_FORMS_PATH) {
    return pages.forms ? <ScoreFormsPage /> : forbidden;
  }
  return forbidden;
}
