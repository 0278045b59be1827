import { useQuery } from "@apollo/client/react";
// From the shell's own generated module (QmTeams.shell.graphql): the app shell calls this hook, and the
// generated ../../gql/graphql.ts (every page's documents) must stay out of the first chunk (issue 15).
import { MeDocument, QmTeamsDocument } from "../../gql/shell/graphql.ts";

/** What the QA pages need to know about the signed-in person beyond their roles. */
export type QaViewer = {
  /** The signed-in person's id (null before sign-in). */
  viewerId: string | null;
  /** The teams they lead (a team lead is whoever leads a team: there is no team-lead role). */
  ledTeamIds: readonly string[];
  /**
   * Whether `ledTeamIds` is settled: signed in, and the teams answered (or were not asked). False
   * while they are asked, so that the landing does not send a team lead elsewhere meanwhile. Absent
   * (hand-made viewers in tests) means settled.
   */
  teamsKnown?: boolean;
};

/**
 * The signed-in person (read from the cache StaffGate fills) and the QA teams they lead. Called at
 * the app's top level, so that the nav can offer team leads their QA pages; asks the API only once
 * somebody is signed in, and not for QA inspectors (they see every QA page by role). An error (a role
 * that may not list teams) means no team led.
 */
export function useQaViewer(): QaViewer {
  const me = useQuery(MeDocument, { fetchPolicy: "cache-only" });
  const viewer = me.data?.me ?? null;
  const teams = useQuery(QmTeamsDocument, { skip: !viewer || viewer.roles.includes("QA_INSPECTOR") });
  const viewerId = viewer?.id ?? null;
  const ledTeamIds = viewerId && !teams.error ? (teams.data?.qaTeams ?? []).filter((team) => team.lead.id === viewerId).map((team) => team.id) : [];
  const teamsKnown = viewerId !== null && !teams.loading;
  return { viewerId, ledTeamIds, teamsKnown };
}
