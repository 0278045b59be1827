import { appNavItem, defineMessages, useRoutingT, type NavItem, type Translate } from "@civicline/ui";

/** The call-taker's own QA results in the operator console (the page itself is a lazy chunk: routes.tsx). */
export const MY_QA_PATH = "qa";
/** Call-takers: whose calls are inspected (as the API's `myQaResults` serves them). */
export const CALL_TAKERS: readonly string[] = ["OPERATOR"];

/** The nav label alone, so that the first JavaScript does not carry the page's wording. */
const myQaNavMessages = defineMessages({ "mq.nav": "My QA results" }, { "mq.nav": "我的质检" });

export function useMyQaNavT(): Translate<"mq.nav"> {
  return useRoutingT(myQaNavMessages);
}

export function isMyQaPath(path: string): boolean {
  return path === MY_QA_PATH;
}

/** Nav entry "我的质检 / My QA results" for call-takers. */
export function myQaNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return roles.some((role) => CALL_TAKERS.includes(role)) ? [appNavItem(MY_QA_PATH, label, isMyQaPath(path))] : [];
}
