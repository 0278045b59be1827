import { appNavItem, defineMessages, useRoutingT, type NavItem, type Translate } from "@civicline/ui";
import { hasRole, QA_AGGREGATE_ROLES, QA_ASSESSMENT_PATH, QA_FORM_EDITOR_ROLES, QA_FORMS_PATH, QA_REVIEW_PATH, QA_ROSTER_PATH, QA_ROSTER_ROLES } from "./paths.ts";
import type { QaViewer } from "./useQaViewer.ts";

/** The nav labels alone, so that the first JavaScript does not carry the pages' wording (routes.tsx is a lazy chunk). */
const qaManageNavMessages = defineMessages(
  { "qm.nav.roster": "Roster", "qm.nav.forms": "Score forms", "qm.nav.review": "Weekly review", "qm.nav.assessment": "Monthly assessment" },
  { "qm.nav.roster": "排班", "qm.nav.forms": "评分表", "qm.nav.review": "每周点评", "qm.nav.assessment": "月度考核" },
);

export type QaManageNavKey = keyof (typeof qaManageNavMessages)["en"];

export function useQaManageNavT(): Translate<QaManageNavKey> {
  return useRoutingT(qaManageNavMessages);
}

const PATHS = [QA_ROSTER_PATH, QA_FORMS_PATH, QA_REVIEW_PATH, QA_ASSESSMENT_PATH];

export function isQaManagePath(path: string): boolean {
  return PATHS.includes(path);
}

/** Which QA management pages a person may open: by role, and as a team lead (whatever their role). */
export function qaManagePages(roles: readonly string[], qa: QaViewer) {
  const lead = qa.ledTeamIds.length > 0;
  return {
    roster: lead || hasRole(roles, QA_ROSTER_ROLES),
    review: lead || hasRole(roles, QA_AGGREGATE_ROLES),
    assessment: lead || hasRole(roles, QA_AGGREGATE_ROLES),
    forms: hasRole(roles, QA_FORM_EDITOR_ROLES),
  };
}

/** The QA menu's management entries (after the inspection queue and appeals from qa/inspect). */
export function qaManageNavItems(path: string, roles: readonly string[], qa: QaViewer, t: (key: QaManageNavKey) => string): NavItem[] {
  const pages = qaManagePages(roles, qa);
  return [
    ...(pages.review ? [appNavItem(QA_REVIEW_PATH, t("qm.nav.review"), path === QA_REVIEW_PATH)] : []),
    ...(pages.assessment ? [appNavItem(QA_ASSESSMENT_PATH, t("qm.nav.assessment"), path === QA_ASSESSMENT_PATH)] : []),
    ...(pages.roster ? [appNavItem(QA_ROSTER_PATH, t("qm.nav.roster"), path === QA_ROSTER_PATH)] : []),
    ...(pages.forms ? [appNavItem(QA_FORMS_PATH, t("qm.nav.forms"), path === QA_FORMS_PATH)] : []),
  ];
}
