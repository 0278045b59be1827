import { appNavItem, defineMessages, useRoutingT, type NavItem, type Translate } from "@civicline/ui";
import { isQaInspector, QA_APPEALS_PATH, QA_INSPECT_PATH } from "./paths.ts";

/** The nav labels alone, so that the first JavaScript does not carry the pages' wording (routes.tsx is a lazy chunk). */
const qaInspectNavMessages = defineMessages({ "qi.nav.queue": "Inspection queue", "qi.nav.appeals": "QA appeals" }, { "qi.nav.queue": "质检队列", "qi.nav.appeals": "质检申诉" });

export function useQaInspectNavT(): Translate<"qi.nav.queue" | "qi.nav.appeals"> {
  return useRoutingT(qaInspectNavMessages);
}

export function isQaInspectPath(path: string): boolean {
  return path === QA_INSPECT_PATH || path.startsWith(`${QA_INSPECT_PATH}/`) || path === QA_APPEALS_PATH;
}

/** Nav entries: the inspection queue for QA inspectors; the appeals for team leads (any staff user leading a QA team) and inspectors. */
export function qaInspectNavItems(path: string, roles: readonly string[], qaLead: boolean, labels: { queue: string; appeals: string }): NavItem[] {
  const inspector = isQaInspector(roles);
  return [
    ...(inspector ? [appNavItem(QA_INSPECT_PATH, labels.queue, path === QA_INSPECT_PATH || path.startsWith(`${QA_INSPECT_PATH}/`))] : []),
    ...(qaLead || inspector ? [appNavItem(QA_APPEALS_PATH, labels.appeals, path === QA_APPEALS_PATH)] : []),
  ];
}
