import { Elsewhere, Loading, navigateTo } from "@civicline/ui";
import { useEffect } from "react";
import { QA_APPEALS_PATH } from "./qa/inspect/paths.ts";
import type { QaViewer } from "./qa/manage/useQaViewer.ts";

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

/**
 * The landing page for `roles`. A team lead has no role of their own (they are operators who lead a
 * QA team): a person whose roles land nowhere here but who leads a team lands on the QA appeals to
 * decide. `leadsTeam` null means not known yet: such a person's landing is null (wait) until it is.
 */
export function supervisorLanding(roles: readonly string[], leadsTeam: boolean | null = false): string | null {
  const byRole = SUPERVISOR_LANDING.find((row) => roles.includes(row.role))?.path;
  if (byRole) {
    return byRole;
  }
  if (leadsTeam === null) {
    return null;
  }
  return leadsTeam ? QA_APPEALS_PATH : ELSEWHERE_PATH;
}

export function mayUseOverview(roles: readonly string[]): boolean {
  return roles.some((role) => OVERVIEW_ROLES.includes(role));
}

/** Whether the shell's QA viewer leads a team, for the landing: null while the teams are being asked. */
export function landingLeadsTeam(qa: QaViewer): boolean | null {
  return qa.teamsKnown === false ? null : qa.ledTeamIds.length > 0;
}

/**
 * Replaces the empty path with the person's landing page; `leadsTeam` is whether they lead a QA team
 * (the shell's useQaViewer), null while that is being asked — then it waits, showing progress.
 */
export function GoToLanding({ roles, leadsTeam = false }: { roles: readonly string[]; leadsTeam?: boolean | null }) {
  const target = supervisorLanding(roles, leadsTeam);
  useEffect(() => {
    if (target !== null) {
      navigateTo(target, { replace: true });
    }
  }, [target]);
  return target === null ? <Loading /> : null;
}

/** What a role with nothing in this app sees. */
export function SupervisorElsewhere({ roles }: { roles: readonly string[] }) {
  return <Elsewhere roles={roles} target="operator" />;
}
