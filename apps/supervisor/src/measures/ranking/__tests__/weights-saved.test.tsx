import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DepartmentRankingDocument, RankingWeightVersionsDocument, SaveRankingWeightsDocument } from "../../../gql/graphql.ts";
import { recordingMock, renderRouting } from "../../../routing/__tests__/routingKit.tsx";
import { RankingPage } from "../RankingPage.tsx";

const weights = (version: number, onTime: number) => ({
  __typename: "RankingWeights",
  version,
  onTime,
  satisfaction: 30,
  notReturned: 10,
  notReReported: 10,
  notExtended: 10,
  minTickets: 10,
  note: null,
  createdAt: "2026-11-01T00:00:00Z",
  createdByName: "admin",
});

describe("the ranking's weights editor", () => {
  it("keeps saying which version was saved after the list of versions refreshes with it", async () => {
    let saved = false;
    const versionCalls: Record<string, unknown>[] = [];
    renderRouting(
      <RankingPage roles={["ADMIN"]} />,
      [
        recordingMock(DepartmentRankingDocument, [], () => ({
          departmentRanking: { __typename: "DepartmentRanking", fromDay: "2026-11-01", toDay: "2026-11-30", weights: weights(1, 40), ranked: [], apart: [] },
        })),
        recordingMock(RankingWeightVersionsDocument, versionCalls, () => ({ rankingWeightVersions: saved ? [weights(2, 20), weights(1, 40)] : [weights(1, 40)] })),
        recordingMock(SaveRankingWeightsDocument, [], () => {
          saved = true;
          return { saveRankingWeights: weights(2, 20) };
        }),
      ],
      "en",
    );
    const onTime = await screen.findByTestId("weight-onTime");
    fireEvent.change(onTime, { target: { value: "20" } });
    fireEvent.click(screen.getByTestId("weights-save"));
    expect((await screen.findByTestId("weights-saved")).textContent).toBe("Saved as version v2.");
    // the versions list is asked again and shows v2; the message stays
    await waitFor(() => expect(versionCalls.length).toBeGreaterThan(1));
    await waitFor(() => expect(screen.getAllByText("v2").length).toBeGreaterThan(0));
    expect(screen.getByTestId("weights-saved").textContent).toBe("Saved as version v2.");
  });
});
