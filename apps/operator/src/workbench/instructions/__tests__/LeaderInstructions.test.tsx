import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { WorkbenchLeaderInstructionsDocument } from "../../../gql/graphql.ts";
import { recordingMock, renderRouting } from "../../__tests__/routingTestKit.tsx";
import { LeaderInstructions } from "../LeaderInstructions.tsx";

const instruction = { __typename: "LeaderInstruction", id: "i-1", leaderName: "陈军", leaderTitle: "张店区区长", text: "请三日内查清事实，结果报我。", createdAt: "2026-12-06T03:00:00Z" };

describe("leader's instructions in the workbench", () => {
  it("stand at the top of the ticket, headed in the viewer's language", async () => {
    const asked: Array<{ ticketId: string }> = [];
    renderRouting(<LeaderInstructions ticketId="t-1" />, [recordingMock(WorkbenchLeaderInstructionsDocument, asked, () => ({ leaderInstructions: [instruction] }))], "zh-CN");
    expect((await screen.findByRole("heading", { name: "领导批示" })).tagName).toBe("H3");
    expect(screen.getByTestId("leader-instruction").textContent).toContain("请三日内查清事实，结果报我。");
    expect(screen.getByTestId("leader-instruction").textContent).toContain("陈军 张店区区长");
    expect(asked).toEqual([{ ticketId: "t-1" }]);
  });

  it("take no room when the ticket has none", async () => {
    const asked: Array<{ ticketId: string }> = [];
    const { container } = renderRouting(<LeaderInstructions ticketId="t-2" />, [recordingMock(WorkbenchLeaderInstructionsDocument, asked, () => ({ leaderInstructions: [] }))]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked).toHaveLength(1);
    expect(container.querySelector("[data-testid=leader-instructions]")).toBeNull();
  });
});
