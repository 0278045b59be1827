/** Joint supervision's paths in the supervisor app. */
export const JOINT_PATH = "joint";

export function jointCasePath(id: string): string {
  return `${JOINT_PATH}/${id}`;
}

export function isJointPath(path: string): boolean {
  return path === JOINT_PATH || path.startsWith(`${JOINT_PATH}/`);
}

/** The case id in `joint/<id>`, or null for the list. */
export function jointCaseIdOf(path: string): string | null {
  return path.startsWith(`${JOINT_PATH}/`) ? decodeURIComponent(path.slice(JOINT_PATH.length + 1)) || null : null;
}

/** How often the case pages refresh: the other parties' opinions arrive without a reload. */
export const POLL_MS = 30_000;
