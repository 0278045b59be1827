import { lazy, type ReactNode } from "react";
import { jointCaseIdOf } from "./paths.ts";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const JointCaseList = lazy(() => import("./JointCaseList.tsx").then((module) => ({ default: module.JointCaseList })));
const JointCasePage = lazy(() => import("./JointCasePage.tsx").then((module) => ({ default: module.JointCasePage })));

/** The case list at `joint`, a case at `joint/<id>`. */
export function JointRoutes({ path, roles }: { path: string; roles: readonly string[] }): ReactNode {
  const id = jointCaseIdOf(path);
  return id ? <JointCasePage key={id} id={id} /> : <JointCaseList roles={roles} />;
}
