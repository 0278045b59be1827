import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderRouting } from "../../../routing/__tests__/routingKit.tsx";
import { ScoreForm } from "../ScoreForm.tsx";
import { draftInput, type FormCriterion, type ScoreDraft } from "../score.ts";

const CRITERIA: FormCriterion[] = [
  { key: "greeting", label: "Greeting", weight: 10, deductions: [{ key: "no-name", label: "Did not give the work number", points: 4 }] },
  { key: "accuracy", label: "Accuracy", weight: 30, deductions: [] },
];
const CRITICAL = [{ key: "wrong-policy", label: "Wrong policy answer" }];

function renderForm(language: "en" | "zh-CN" = "en") {
  const sent: ScoreDraft[] = [];
  renderRouting(<ScoreForm formName="Call QA" formVersion={3} criteria={CRITERIA} criticalErrors={CRITICAL} onSubmit={(draft) => sent.push(draft)} />, [], language);
  return sent;
}

describe("the inspector's score form", () => {
  it("totals live: a blank criterion gets its weight less the ticked deductions, the total is 100 × points ÷ weights", () => {
    const sent = renderForm();
    expect(screen.getByTestId("qa-live-total").textContent).toBe("100 / 100");
    fireEvent.click(screen.getByTestId("qa-deduction-greeting-no-name"));
    expect((screen.getByTestId("qa-points-greeting") as HTMLInputElement).placeholder).toBe("6");
    // 100 × (6 + 30) / 40 = 90
    expect(screen.getByTestId("qa-live-total").textContent).toBe("90 / 100");
    fireEvent.change(screen.getByTestId("qa-points-accuracy"), { target: { value: "25.5" } });
    // 100 × (6 + 25.5) / 40 = 78.75
    expect(screen.getByTestId("qa-live-total").textContent).toBe("78.75 / 100");
    fireEvent.change(screen.getByTestId("qa-comment-accuracy"), { target: { value: "政策口径不完整" } });
    fireEvent.click(screen.getByTestId("qa-score-submit"));
    expect(sent).toEqual([
      { points: { accuracy: "25.5" }, deductions: { greeting: ["no-name"] }, comments: { accuracy: "政策口径不完整" }, critical: [], comment: "" },
    ]);
    expect(draftInput(CRITERIA, sent[0]!)).toEqual({
      criteria: [
        { key: "greeting", score: null, deductionKeys: ["no-name"], comment: null },
        { key: "accuracy", score: 25.5, deductionKeys: [], comment: "政策口径不完整" },
      ],
      criticalErrorKeys: [],
      comment: null,
    });
    expect(screen.getByTestId("qa-score-version").textContent).toContain("version 3");
  });

  it("refuses points outside a criterion's range, or above its weight less its deductions, and sends nothing", () => {
    const sent = renderForm();
    fireEvent.change(screen.getByTestId("qa-points-accuracy"), { target: { value: "31" } });
    expect(screen.getByTestId("qa-live-total").textContent).toBe("—");
    fireEvent.click(screen.getByTestId("qa-score-submit"));
    expect(screen.getByTestId("qa-score-invalid")).toBeTruthy();
    expect(screen.getByText("Give a number from 0 to 30.")).toBeTruthy();
    fireEvent.change(screen.getByTestId("qa-points-accuracy"), { target: { value: "30" } });
    fireEvent.click(screen.getByTestId("qa-deduction-greeting-no-name"));
    fireEvent.change(screen.getByTestId("qa-points-greeting"), { target: { value: "8" } });
    expect(screen.getByText("At most 6 after the ticked deductions.")).toBeTruthy();
    fireEvent.click(screen.getByTestId("qa-score-submit"));
    expect(sent).toEqual([]);
  });

  it("a critical error makes the total 0 and asks for the overall comment (in Chinese)", () => {
    const sent = renderForm("zh-CN");
    fireEvent.click(screen.getByTestId("qa-critical-wrong-policy"));
    expect(screen.getByTestId("qa-live-total").textContent).toBe("0 / 100 —— 严重差错");
    fireEvent.click(screen.getByTestId("qa-score-submit"));
    expect(screen.getByText("请在总体评语中说明严重差错的内容。")).toBeTruthy();
    expect(sent).toEqual([]);
    fireEvent.change(screen.getByTestId("qa-overall-comment"), { target: { value: "答复的政策口径错误。" } });
    fireEvent.click(screen.getByTestId("qa-score-submit"));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.critical).toEqual(["wrong-policy"]);
  });
});
