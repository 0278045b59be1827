/** The QA management pages' paths in the supervisor app (all under `qa/`, so they share the QA menu). */
export const QA_ROSTER_PATH = "qa/roster";
export const QA_FORMS_PATH = "qa/forms";
export const QA_REVIEW_PATH = "qa/review";
export const QA_ASSESSMENT_PATH = "qa/assessment";

/** Who edits score forms and the assessment weights (as the API allows: admins and QA inspectors). */
export const QA_FORM_EDITOR_ROLES = ["ADMIN", "QA_INSPECTOR"];
/** Who reads team and centre figures by role (team leads read theirs whatever their role). */
export const QA_AGGREGATE_ROLES = ["QA_INSPECTOR", "SUPERVISOR", "LEADER", "ADMIN"];
/** Who sees every team's roster by role (a team lead sees and edits their own team's). */
export const QA_ROSTER_ROLES = ["QA_INSPECTOR", "ADMIN", "SUPERVISOR", "LEADER"];

export function hasRole(roles: readonly string[], allowed: readonly string[]): boolean {
  return roles.some((role) => allowed.includes(role));
}
