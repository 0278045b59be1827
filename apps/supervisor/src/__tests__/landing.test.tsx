import { useQuery } from "@apollo/client/react";
import { appHref, useAppPath } from "@civicline/ui";
import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { MeDocument, QmTeamsDocument } from "../gql/shell/graphql.ts";
import { ELSEWHERE_PATH, GoToLanding, landingLeadsTeam, SUPERVISOR_LANDING, supervisorLanding } from "../landing.tsx";
import { QA_APPEALS_PATH } from "../qa/inspect/paths.ts";
import { teamsAnswer } from "../qa/manage/__tests__/qaKit.ts";
import { useQaViewer } from "../qa/manage/useQaViewer.ts";
import { recordingMock, renderRouting, stateMock } from "../routing/__tests__/routingKit.tsx";

const me = (id: string, roles: string[]) => () => ({ me: { __typename: "StaffUser", id, username: id, displayName: id, roles, mustChangePassword: false } });

/** What App.tsx does at the empty path: StaffGate asks `me`, the shell reads the QA viewer and goes to the landing. */
function Shell({ roles }: { roles: string[] }) {
  useQuery(MeDocument);
  const qa = useQaViewer();
  const { path } = useAppPath();
  return path === "" ? <GoToLanding roles={roles} leadsTeam={landingLeadsTeam(qa)} /> : <p data-testid="landed">{path}</p>;
}

async function landingOf(id: string, roles: string[]): Promise<{ path: string; asked: number }> {
  window.history.replaceState(null, "", appHref(""));
  const asked: Record<string, unknown>[] = [];
  renderRouting(<Shell roles={roles} />, [stateMock(MeDocument, me(id, roles)), recordingMock(QmTeamsDocument, asked, teamsAnswer)]);
  const landed = await screen.findByTestId("landed");
  return { path: landed.textContent ?? "", asked: asked.length };
}

describe("where the supervisor app lands", () => {
  afterEach(() => window.history.replaceState(null, "", "/"));

  it("sends a team lead (an operator who leads a QA team) to the appeals to decide, once the teams have answered", async () => {
    expect(await landingOf("u-lead", ["OPERATOR"])).toEqual({ path: QA_APPEALS_PATH, asked: 1 });
  });

  it("sends an operator who leads no team to the page that says where their work is", async () => {
    expect(await landingOf("u-op", ["OPERATOR"])).toEqual({ path: ELSEWHERE_PATH, asked: 1 });
  });

  it("keeps a role's own landing even when that person leads a team", async () => {
    expect((await landingOf("u-lead", ["SUPERVISOR"])).path).toBe("chasing");
  });

  it("sends the QA inspector to the inspection queue without asking for teams", async () => {
    expect(await landingOf("u-qa", ["QA_INSPECTOR"])).toEqual({ path: "qa/inspect", asked: 0 });
  });

  it("decides by role first; leading a team matters only to a role that lands nowhere here, and is waited for", () => {
    for (const row of SUPERVISOR_LANDING) {
      expect(supervisorLanding([row.role], true)).toBe(row.path);
      expect(supervisorLanding([row.role], null)).toBe(row.path);
    }
    expect(supervisorLanding(["OPERATOR"], true)).toBe(QA_APPEALS_PATH);
    expect(supervisorLanding(["OPERATOR"], false)).toBe(ELSEWHERE_PATH);
    expect(supervisorLanding(["CALLBACK"])).toBe(ELSEWHERE_PATH);
    expect(supervisorLanding(["OPERATOR"], null)).toBeNull();
    expect(landingLeadsTeam({ viewerId: "u-lead", ledTeamIds: ["t1"], teamsKnown: false })).toBeNull();
    expect(landingLeadsTeam({ viewerId: "u-lead", ledTeamIds: ["t1"], teamsKnown: true })).toBe(true);
  });
});
