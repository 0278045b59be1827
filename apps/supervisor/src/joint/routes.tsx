import { appNavItem, type NavItem } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { isJointPath, JOINT_PATH, jointCaseIdOf } from "./paths.ts";
import "./joint.css";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const JointCaseList = lazy(() => import("./JointCaseList.tsx").then((module) => ({ default: module.JointCaseList })));
const JointCasePage = lazy(() => import("./JointCasePage.tsx").then((module) => ({ default: module.JointCasePage })));

export { isJointPath };

/** Centre roles read every case; handlers (the discipline commission's and staffing office's staff) see their unit's. */
const ROLES = ["SUPERVISOR", "ADMIN", "LEADER", "DISPATCHER", "HANDLER"];

/** The nav entry for joint supervision. */
export function jointNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return roles.some((role) => ROLES.includes(role)) ? [appNavItem(JOINT_PATH, label, isJointPath(path))] : [];
}

/** The case list at `joint`, a case at `joint/<id>`. */
export function JointRoutes({ path, roles }: { path: string; roles: readonly string[] }): ReactNode {
  const id = jointCaseIdOf(path);
  return id ? <JointCasePage key={id} id={id} /> : <JointCaseList roles={roles} />;
}
