import { appNavItem, EmptyState, type NavItem } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useQaManageT } from "./messages.ts";
import { hasRole, QA_AGGREGATE_ROLES, QA_ASSESSMENT_PATH, QA_FORM_EDITOR_ROLES, QA_FORMS_PATH, QA_REVIEW_PATH, QA_ROSTER_PATH, QA_ROSTER_ROLES } from "./paths.ts";
import type { QaViewer } from "./useQaViewer.ts";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const AssessmentPage = lazy(() => import("./assessment/AssessmentPage.tsx").then((module) => ({ default: module.AssessmentPage })));
const ScoreFormsPage = lazy(() => import("./forms/ScoreFormsPage.tsx").then((module) => ({ default: module.ScoreFormsPage })));
const RosterPage = lazy(() => import("./roster/RosterPage.tsx").then((module) => ({ default: module.RosterPage })));
const WeeklyReviewPage = lazy(() => import("./review/WeeklyReviewPage.tsx").then((module) => ({ default: module.WeeklyReviewPage })));

const PATHS = [QA_ROSTER_PATH, QA_FORMS_PATH, QA_REVIEW_PATH, QA_ASSESSMENT_PATH];

export function isQaManagePath(path: string): boolean {
  return PATHS.includes(path);
}

/** Which QA management pages a person may open: by role, and as a team lead. */
export function qaManagePages(roles: readonly string[], qa: QaViewer) {
  const lead = qa.ledTeamIds.length > 0;
  return {
    roster: lead || hasRole(roles, QA_ROSTER_ROLES),
    review: lead || hasRole(roles, QA_AGGREGATE_ROLES),
    assessment: lead || hasRole(roles, QA_AGGREGATE_ROLES),
    forms: hasRole(roles, QA_FORM_EDITOR_ROLES),
  };
}

export type QaManageNavLabels = { roster: string; review: string; assessment: string; forms: string };

/** The QA menu's management entries (the inspection pages come first, from qa/inspect). */
export function qaManageNavItems(path: string, roles: readonly string[], qa: QaViewer, labels: QaManageNavLabels): NavItem[] {
  const pages = qaManagePages(roles, qa);
  return [
    ...(pages.review ? [appNavItem(QA_REVIEW_PATH, labels.review, path === QA_REVIEW_PATH)] : []),
    ...(pages.assessment ? [appNavItem(QA_ASSESSMENT_PATH, labels.assessment, path === QA_ASSESSMENT_PATH)] : []),
    ...(pages.roster ? [appNavItem(QA_ROSTER_PATH, labels.roster, path === QA_ROSTER_PATH)] : []),
    ...(pages.forms ? [appNavItem(QA_FORMS_PATH, labels.forms, path === QA_FORMS_PATH)] : []),
  ];
}

/** The page at `path`, or a refusal that says why. */
export function QaManageRoutes({ path, roles, qa }: { path: string; roles: readonly string[]; qa: QaViewer }): ReactNode {
  const t = useQaManageT();
  const pages = qaManagePages(roles, qa);
  const forbidden = <EmptyState testId="qa-manage-forbidden" title={t("qm.forbidden")} />;
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
