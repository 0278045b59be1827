/** In-app paths of the callback screens (under /operator/). */
export const CALLBACK_PATH = "callback";
export const CALLBACK_TASK_PREFIX = "callback/tasks/";

/** The queue tabs, as `?tab=` values. */
export const CALLBACK_TABS = ["replies", "surveys", "missed"] as const;
export type CallbackTab = (typeof CALLBACK_TABS)[number];

export function isCallbackPath(path: string): boolean {
  return path === CALLBACK_PATH || path.startsWith(`${CALLBACK_PATH}/`);
}

export function callbackTaskPath(id: string): string {
  return `${CALLBACK_TASK_PREFIX}${encodeURIComponent(id)}`;
}

/** The task id of a task path, or null. */
export function taskIdOf(path: string): string | null {
  return path.startsWith(CALLBACK_TASK_PREFIX) && path.length > CALLBACK_TASK_PREFIX.length ? decodeURIComponent(path.slice(CALLBACK_TASK_PREFIX.length)) : null;
}

/** The queue tab named in a query string (`?tab=missed`); reply callbacks by default. */
export function tabOf(search: string): CallbackTab {
  const tab = new URLSearchParams(search).get("tab");
  return (CALLBACK_TABS as readonly string[]).includes(tab ?? "") ? (tab as CallbackTab) : "replies";
}

export function callbackTabPath(tab: CallbackTab): string {
  return tab === "replies" ? CALLBACK_PATH : `${CALLBACK_PATH}?tab=${tab}`;
}
