import { CALLBACK_PATH } from "./callback/paths.ts";
import { KNOWLEDGE_PATH } from "./knowledge/routes.tsx";
import { DISPATCH_PATH, WORKBENCH_PATH } from "./workbench/routes.tsx";

/**
 * Who may use which page of the operator app (as the API allows; issue 16 bug 10). A page is in the
 * nav only for these roles. The queues read `ticketQueue`; the call desk (新建工单 / 来电受理) logs calls.
 */
/** The queues' own path ("" is each role's landing page). */
export const QUEUE_PATH = "queue";

const OPERATOR_PAGE_ROLES = {
  queue: ["OPERATOR", "DISPATCHER", "SUPERVISOR", "LEADER", "ADMIN"],
  callDesk: ["OPERATOR"],
} as const;

/**
 * Where each role lands when it opens the app (`/operator/`): the first row whose role the person
 * has decides. One table: add a row (or change a path) here when a role gets a page of its own.
 */
export const OPERATOR_LANDING: readonly { role: string; path: string }[] = [
  { role: "OPERATOR", path: QUEUE_PATH },
  { role: "DISPATCHER", path: DISPATCH_PATH },
  { role: "HANDLER", path: WORKBENCH_PATH },
  { role: "CALLBACK_AGENT", path: CALLBACK_PATH },
  { role: "SUPERVISOR", path: QUEUE_PATH },
  { role: "LEADER", path: QUEUE_PATH },
  { role: "ADMIN", path: QUEUE_PATH },
  { role: "QA_INSPECTOR", path: KNOWLEDGE_PATH },
];

/** The landing path for `roles` in `table`, or null when the app has nothing for them. */
export function landingPath(roles: readonly string[], table: readonly { role: string; path: string }[]): string | null {
  return table.find((row) => roles.includes(row.role))?.path ?? null;
}

/** Whether `roles` may use a page of OPERATOR_PAGE_ROLES. */
export function mayUse(page: keyof typeof OPERATOR_PAGE_ROLES, roles: readonly string[]): boolean {
  return roles.some((role) => (OPERATOR_PAGE_ROLES[page] as readonly string[]).includes(role));
}

