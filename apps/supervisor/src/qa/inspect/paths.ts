/** The inspection queue (the QA inspector's landing page) and one sampled call under it. */
export const QA_INSPECT_PATH = "qa/inspect";
/** The team lead's appeals to decide. */
export const QA_APPEALS_PATH = "qa/appeals";
/** Who scores calls (as the API allows). */
export const QA_INSPECTOR_ROLES: readonly string[] = ["QA_INSPECTOR"];

export function isQaInspector(roles: readonly string[]): boolean {
  return roles.some((role) => QA_INSPECTOR_ROLES.includes(role));
}
