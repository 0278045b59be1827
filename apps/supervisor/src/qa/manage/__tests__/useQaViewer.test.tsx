import { useQuery } from "@apollo/client/react";
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { MeDocument, QmTeamsDocument } from "../../../gql/shell/graphql.ts";
import { recordingMock, renderRouting, stateMock } from "../../../routing/__tests__/routingKit.tsx";
import { useQaViewer } from "../useQaViewer.ts";
import { teamsAnswer } from "./qaKit.ts";

const me = (id: string, roles: string[]) => () => ({ me: { __typename: "StaffUser", id, username: id, displayName: id, roles, mustChangePassword: false } });

/** What the app shell does: StaffGate asks `me`; the nav reads the QA viewer. */
function Shell() {
  useQuery(MeDocument);
  const qa = useQaViewer();
  return <p data-testid="viewer">{`${qa.viewerId ?? "nobody"}:${qa.ledTeamIds.join(",")}`}</p>;
}

describe("the QA viewer of the app shell", () => {
  it("finds the teams an operator leads once they are signed in", async () => {
    const asked: Record<string, unknown>[] = [];
    renderRouting(<Shell />, [stateMock(MeDocument, me("u-lead", ["OPERATOR"])), recordingMock(QmTeamsDocument, asked, teamsAnswer)]);
    await waitFor(() => expect(screen.getByTestId("viewer").textContent).toBe("u-lead:t1"));
    expect(asked).toHaveLength(1);
  });

  it("leaves a member who leads nothing without teams, and does not ask for an inspector", async () => {
    const asked: Record<string, unknown>[] = [];
    renderRouting(<Shell />, [stateMock(MeDocument, me("u-op", ["OPERATOR"])), recordingMock(QmTeamsDocument, asked, teamsAnswer)]);
    await waitFor(() => expect(asked).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId("viewer").textContent).toBe("u-op:"));
    const inspector: Record<string, unknown>[] = [];
    renderRouting(<Shell />, [stateMock(MeDocument, me("u-qa", ["QA_INSPECTOR"])), recordingMock(QmTeamsDocument, inspector, teamsAnswer)]);
    await waitFor(() => expect(screen.getAllByTestId("viewer")[1]!.textContent).toBe("u-qa:"));
    expect(inspector).toHaveLength(0);
  });

  it("asks nothing before sign-in", async () => {
    const asked: Record<string, unknown>[] = [];
    renderRouting(<Shell />, [stateMock(MeDocument, () => ({ me: null })), recordingMock(QmTeamsDocument, asked, teamsAnswer)]);
    await waitFor(() => expect(screen.getByTestId("viewer").textContent).toBe("nobody:"));
    expect(asked).toHaveLength(0);
  });
});
