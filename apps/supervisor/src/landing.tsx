import { Elsewhere, navigateTo } from "@civicline/ui";
import { useEffect } from "react";

/** The overview's own path ("" is each role's landing page). */
export const OVERVIEW_PATH = "overview";
/** The page that tells a role with nothing here where its work is. */
export const ELSEWHERE_PATH = "elsewhere";

/**
 * Where each role lands when it opens the supervisor app (issue 16 bug 10): the first row whose role
 * the person has decides; a role in no row is sent to ELSEWHERE_PATH. One table for every feature:
 * the chasing board (`chasing`) for supervisors and dispatchers, the leader's page (`leader`).
 */
export const SUPERVISOR_LANDING: readonly { role: string; path: string }[] = [
  { role: "LEADER", path: "leader" },
  { role: "SUPERVISOR", path: "chasing" },
  { role: "ADMIN", path: OVERVIEW_PATH },
  { role: "DISPATCHER", path: "chasing" },
  // handlers use the operator app; in this one they see the joint supervision cases their unit is party to
  { role: "HANDLER", path: "joint" },
  // the QA inspector's work is the inspection queue (质检队列)
  { role: "QA_INSPECTOR", path: "qa/inspect" },
];

/** Roles that may read the overview (its queue figures, as the API allows). */
const OVERVIEW_ROLES = ["SUPERVISOR", "LEADER", "ADMIN", "DISPATCHER"];

export function supervisorLanding(roles: readonly string[]): string {
  return SUPERVISOR_LANDING.find((row) => roles.includes(row.role))?.path ?? ELSEWHERE_PATH;
}

export function mayUseOverview(roles: readonly string[]): boolean {
  return roles.some((role) => OVERVIEW_ROLES.includes(role));
}

/** Replaces the empty path with the person's landing page. */
export function GoToLanding({ roles }: { roles: readonly string[] }) {
  const target = supervisorLanding(roles);
  useEffect(() => navigateTo(target, { replace: true }), [target]);
  return null;
}

/** What a role with nothing in this app sees. */
export function SupervisorElsewhere({ roles }: { roles: readonly string[] }) {
  return <Elsewhere roles={roles} target="operator" />;
}
