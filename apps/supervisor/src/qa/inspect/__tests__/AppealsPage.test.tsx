import { fireEvent, screen, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { QiAppealsDocument, QiCallDetailDocument, QiDecideQaAppealDocument } from "../../../gql/graphql.ts";
import { recordingMock, renderRouting, stateMock } from "../../../routing/__tests__/routingKit.tsx";
import { AppealsPage } from "../AppealsPage.tsx";
import { CALL, inspection, score } from "./qaFixtures.ts";

describe("the team lead's appeals", () => {
  it("upholds an appeal with a revised score and a note; the decided appeal shows both totals", async () => {
    let current = inspection();
    const decisions: Array<Record<string, unknown>> = [];
    renderRouting(<AppealsPage />, [
      stateMock(QiAppealsDocument, () => ({ qaAppeals: [current] }), { state: "PENDING" }),
      stateMock(QiAppealsDocument, () => ({ qaAppeals: [current] }), { state: null }),
      stateMock(QiCallDetailDocument, () => ({ qaCall: CALL }), { id: "c1" }),
      recordingMock(QiDecideQaAppealDocument, decisions, () => {
        const revised = score({ id: "s2", version: 2, reason: "APPEAL_UPHELD", total: 100 });
        current = inspection({ state: "APPEAL_UPHELD", score: revised, scores: [score(), revised], canDecide: false, appeal: { ...inspection().appeal, state: "UPHELD", decidedAt: "2026-12-05T02:00:00.000Z", decidedByName: "赵组长", decisionNote: "已报工号。" } });
        return { decideQaAppeal: current };
      }),
    ]);
    const row = await screen.findByTestId("qa-appeal-row");
    expect(within(row).getByTestId("qa-appeal-reason").textContent).toBe("我在开头已报工号。");
    fireEvent.click(within(row).getByTestId("qa-appeal-decide"));
    const decision = screen.getByTestId("qa-appeal-decision");
    // Neither outcome chosen nor note given: nothing is sent.
    fireEvent.click(within(decision).getByTestId("qa-appeal-submit"));
    expect(within(decision).getByText("Choose uphold or reject.")).toBeTruthy();
    expect(within(decision).getByText("Give a reason for the decision.")).toBeTruthy();
    fireEvent.click(within(decision).getByTestId("qa-appeal-uphold"));
    // The revised score starts from the score in force: untick the deduction, leave the points blank.
    fireEvent.click(within(decision).getByTestId("qa-deduction-greeting-no_number"));
    fireEvent.change(within(decision).getByTestId("qa-points-greeting"), { target: { value: "" } });
    expect(within(decision).getByTestId("qa-live-total").textContent).toBe("100 / 100");
    fireEvent.change(within(decision).getByTestId("qa-appeal-note"), { target: { value: "已报工号。" } });
    fireEvent.click(within(decision).getByTestId("qa-appeal-submit"));
    expect(await screen.findByTestId("qa-appeal-decided")).toBeTruthy();
    expect(decisions).toEqual([
      {
        inspectionId: "i1",
        upheld: true,
        note: "已报工号。",
        rescore: {
          criteria: [
            { key: "greeting", score: null, deductionKeys: [], comment: "开头未报工号。" },
            { key: "accuracy", score: 30, deductionKeys: [], comment: null },
          ],
          criticalErrorKeys: [],
          comment: "倾听到位。",
        },
      },
    ]);
    fireEvent.click(screen.getByTestId("qa-appeals-view-DECIDED"));
    expect((await screen.findByTestId("qa-appeal-outcome")).textContent).toContain("Upheld: 90 → 100");
  });

  it("a rejection sends no rescore", async () => {
    const decisions: Array<Record<string, unknown>> = [];
    renderRouting(<AppealsPage />, [
      stateMock(QiAppealsDocument, () => ({ qaAppeals: [inspection()] }), { state: "PENDING" }),
      stateMock(QiCallDetailDocument, () => ({ qaCall: { ...CALL, recordingUrl: null } }), { id: "c1" }),
      recordingMock(QiDecideQaAppealDocument, decisions, () => ({ decideQaAppeal: inspection({ appeal: { ...inspection().appeal, state: "REJECTED" } }) })),
    ], "zh-CN");
    fireEvent.click(await screen.findByTestId("qa-appeal-decide"));
    fireEvent.click(screen.getByTestId("qa-appeal-reject"));
    fireEvent.change(screen.getByTestId("qa-appeal-note"), { target: { value: "录音显示未报工号。" } });
    fireEvent.click(screen.getByTestId("qa-appeal-submit"));
    expect(await screen.findByTestId("qa-appeal-decided")).toBeTruthy();
    expect(decisions).toEqual([{ inspectionId: "i1", upheld: false, note: "录音显示未报工号。", rescore: null }]);
  });

  it("tells a person who leads no team that there is nothing to decide", async () => {
    const forbidden = { request: { query: QiAppealsDocument, variables: { state: "PENDING" } }, result: { errors: [new GraphQLError("x", { extensions: { code: "FORBIDDEN" } })] } };
    renderRouting(<AppealsPage />, [forbidden]);
    expect((await screen.findByTestId("qa-appeals-not-lead")).textContent).toContain("You do not lead a QA team");
  });
});
