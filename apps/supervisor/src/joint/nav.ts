import { appNavItem, type NavItem } from "@civicline/ui";
import { isJointPath, JOINT_PATH } from "./paths.ts";
import "./joint.css";

// The paths, role lists and nav entries alone, without the pages' wording: the app's first chunk
// imports this file, routes.tsx is a chunk of its own (issue 15).

export { isJointPath };

/** Centre roles read every case; handlers (the discipline commission's and staffing office's staff) see their unit's. */
const ROLES = ["SUPERVISOR", "ADMIN", "LEADER", "DISPATCHER", "HANDLER"];

/** The nav entry for joint supervision. */
export function jointNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return roles.some((role) => ROLES.includes(role)) ? [appNavItem(JOINT_PATH, label, isJointPath(path))] : [];
}
