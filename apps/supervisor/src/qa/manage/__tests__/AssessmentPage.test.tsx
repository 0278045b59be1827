import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { QmAssessmentExportDocument, QmAssessmentWeightVersionsDocument, QmMonthlyAssessmentDocument, QmSaveAssessmentWeightsDocument, QmTeamsDocument } from "../../../gql/graphql.ts";
import { recordingMock, renderRouting, stateMock } from "../../../routing/__tests__/routingKit.tsx";
import { AssessmentPage } from "../assessment/AssessmentPage.tsx";
import { teamsAnswer } from "./qaKit.ts";

const weights = (version: number, qaScore: number) => ({
  __typename: "QaAssessmentWeights",
  version,
  qaScore,
  callsHandled: 20,
  handleTime: 10,
  directRate: 15,
  processSatisfaction: 15,
  targetHandleSeconds: 300,
  minCalls: 20,
  note: null,
  createdAt: "2026-10-01T00:00:00Z",
  createdByName: "admin",
});

const part = (key: string, weight: number, score: number | null) => ({ __typename: "QaAssessmentPart", key, weight, score });
const row = (rank: number | null, callTakerId: string, name: string, score: number | null, apartReason: string | null = null) => ({
  __typename: "QaAssessmentRow",
  rank,
  tied: false,
  callTakerId,
  name,
  teamId: "t1",
  teamName: "一班",
  inspections: 4,
  qaScore: 90,
  callsHandled: 120,
  averageHandleSeconds: 330,
  ticketsLogged: 80,
  directAnswered: 20,
  directRate: 0.25,
  processAnswered: 10,
  processSatisfied: 9,
  processSatisfaction: 0.9,
  appealsUpheld: 1,
  score,
  apartReason,
  parts: [part("QA_SCORE", 40, 90), part("CALLS_HANDLED", 20, 100), part("HANDLE_TIME", 10, 90.91), part("DIRECT_RATE", 15, 25), part("PROCESS_SATISFACTION", 15, 90)],
});
const group = (teamId: string | null, name: string, averageScore: number) => ({
  __typename: "QaGroupFigures",
  teamId,
  name,
  nameEn: teamId ? `Team ${name}` : "Centre",
  callTakers: 2,
  inspections: 8,
  qaScore: 88,
  callsHandled: 240,
  averageHandleSeconds: 320,
  directRate: 0.3,
  processSatisfaction: 0.85,
  appealsUpheld: 1,
  averageScore,
});

function assessment(variables: Record<string, unknown>, individual: boolean) {
  return {
    qaMonthlyAssessment: {
      __typename: "QaMonthlyAssessment",
      month: variables.month,
      formula: "总分 = Σ 权重 × 分项得分 ÷ Σ 权重",
      formulaEn: "Total = Σ weight × part ÷ Σ weight",
      tieRule: "同分按质检得分、接听量排序",
      tieRuleEn: "Ties: higher QA score, then more calls",
      individual,
      weights: weights(1, 40),
      rows: individual ? [row(1, "u-op2", "李娜", 80.14), row(2, "u-op", "张敏", 75.5)] : [],
      apart: individual ? [row(null, "u-op3", "孙丽", null, "TOO_FEW_CALLS")] : [],
      teams: [group("t1", "一班", 77.82)],
      centre: group(null, "全中心", 77.82),
    },
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the monthly assessment", () => {
  it("shows the formula and weights used, the ranking with the figures behind it, and exports a CSV", async () => {
    const asked: Record<string, unknown>[] = [];
    const exports: Record<string, unknown>[] = [];
    const created: Blob[] = [];
    Object.assign(URL, { createObjectURL: (blob: Blob) => (created.push(blob), "blob:qa"), revokeObjectURL: () => undefined });
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    renderRouting(
      <AssessmentPage roles={["QA_INSPECTOR"]} ledTeamIds={[]} />,
      [
        stateMock(QmTeamsDocument, teamsAnswer),
        stateMock(QmAssessmentWeightVersionsDocument, () => ({ qaAssessmentWeightVersions: [weights(1, 40)] })),
        recordingMock(QmMonthlyAssessmentDocument, asked, (variables) => assessment(variables, true)),
        recordingMock(QmAssessmentExportDocument, exports, () => ({ qaMonthlyAssessmentExport: { __typename: "QaExportFile", filename: "qa-assessment-2026-11.csv", contentType: "text/csv", base64: Buffer.from("\ufeffrank", "utf8").toString("base64"), size: 8 } })),
      ],
      "en",
    );
    const ranked = await screen.findByRole("table", { name: /^Monthly assessment/ });
    expect(String(asked[0]!.month)).toMatch(/^\d{4}-\d{2}$/);
    expect(screen.getByText("Total = Σ weight × part ÷ Σ weight")).toBeTruthy();
    const formula = screen.getByRole("region", { name: "How the total is computed" });
    expect(within(formula).getByText(/weights version v1/)).toBeTruthy();
    expect(within(formula).getAllByRole("row").map((line) => line.textContent)).toEqual(["PartWeight", "QA score40", "Calls handled20", "Handle time10", "Direct-handling rate15", "Process satisfaction15"].map((text) => text));
    const rows = within(ranked).getAllByRole("row").slice(1);
    expect(rows.map((line) => within(line).getByRole("rowheader").textContent)).toEqual(["李娜", "张敏"]);
    expect(rows[0]!.textContent).toContain("80.14");
    expect(rows[0]!.textContent).toContain("25.0%");
    expect(rows[0]!.textContent).toContain("(20/80)");
    expect(rows[0]!.textContent).toContain("5 min 30 s");
    const apart = screen.getByRole("table", { name: /not ranked/ });
    expect(within(apart).getByRole("rowheader", { name: "孙丽" })).toBeTruthy();
    expect(screen.getByRole("table", { name: /Teams and centre/ }).textContent).toContain("Whole centre");

    fireEvent.click(screen.getByRole("button", { name: "Download CSV" }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(exports[0]).toMatchObject({ month: asked[0]!.month, format: "CSV", language: "en", teamId: null, weightsVersion: null });
    expect(created[0]!.type).toBe("text/csv");
    expect(created[0]!.size).toBe(7); // the BOM (3 bytes) and "rank", decoded from base64 byte for byte
    expect(await screen.findByText("qa-assessment-2026-11.csv downloaded.")).toBeTruthy();
  }, 20_000);

  it("shows a supervisor team and centre figures only, and no weights editor", async () => {
    renderRouting(
      <AssessmentPage roles={["SUPERVISOR"]} ledTeamIds={[]} />,
      [
        stateMock(QmTeamsDocument, teamsAnswer),
        stateMock(QmAssessmentWeightVersionsDocument, () => ({ qaAssessmentWeightVersions: [weights(1, 40)] })),
        recordingMock(QmMonthlyAssessmentDocument, [], (variables) => assessment(variables, false)),
      ],
      "zh-CN",
    );
    expect(await screen.findByText("您看到的是班组和全中心数据；每位话务员的明细只对质检员和班组长显示。")).toBeTruthy();
    const groups = screen.getByRole("table", { name: /各班组及全中心/ });
    expect(within(groups).getAllByRole("rowheader").map((cell) => cell.textContent)).toEqual(["一班", "全中心"]);
    expect(screen.queryByText("李娜")).toBeNull();
    expect(screen.queryByRole("region", { name: "权重（按版本保存）" })).toBeNull();
  }, 20_000);

  it("lets an inspector save the weights as a new version and recomputes", async () => {
    const saves: Record<string, unknown>[] = [];
    const asked: Record<string, unknown>[] = [];
    renderRouting(
      <AssessmentPage roles={["QA_INSPECTOR"]} ledTeamIds={[]} />,
      [
        stateMock(QmTeamsDocument, teamsAnswer),
        stateMock(QmAssessmentWeightVersionsDocument, () => ({ qaAssessmentWeightVersions: saves.length ? [weights(2, 50), weights(1, 40)] : [weights(1, 40)] })),
        recordingMock(QmMonthlyAssessmentDocument, asked, (variables) => assessment(variables, true)),
        recordingMock(QmSaveAssessmentWeightsDocument, saves, () => ({ saveQaAssessmentWeights: weights(2, 50) })),
      ],
      "en",
    );
    const editor = await screen.findByRole("region", { name: "Weights (versioned)" });
    fireEvent.change(within(editor).getByLabelText("QA score · Weight"), { target: { value: "50" } });
    fireEvent.change(within(editor).getByLabelText("Calls handled · Weight"), { target: { value: "x" } });
    fireEvent.click(within(editor).getByRole("button", { name: "Save as a new version" }));
    await waitFor(() => expect(saves).toHaveLength(1));
    // a field that is no whole number goes as -1: the server refuses it with a coded field error
    expect(saves[0]!.input).toEqual({ qaScore: 50, callsHandled: -1, handleTime: 10, directRate: 15, processSatisfaction: 15, targetHandleSeconds: 300, minCalls: 20, note: null });
    expect((await within(editor).findByRole("status")).textContent).toBe("Saved as version v2.");
    await waitFor(() => expect(asked.length).toBeGreaterThan(1));
  }, 20_000);

  it("opens on last month, and on this month so far when last month has no figures at all", async () => {
    const asked: Record<string, unknown>[] = [];
    const empty = (variables: Record<string, unknown>) => {
      const answer = assessment(variables, true);
      const thisMonth = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
      return variables.month === thisMonth ? answer : { qaMonthlyAssessment: { ...answer.qaMonthlyAssessment, rows: [], apart: [], teams: [], centre: { ...group(null, "全中心", 0), callTakers: 0 } } };
    };
    renderRouting(
      <AssessmentPage roles={["QA_INSPECTOR"]} ledTeamIds={[]} />,
      [stateMock(QmTeamsDocument, teamsAnswer), stateMock(QmAssessmentWeightVersionsDocument, () => ({ qaAssessmentWeightVersions: [weights(1, 40)] })), recordingMock(QmMonthlyAssessmentDocument, asked, empty)],
      "en",
    );
    expect(await screen.findByRole("table", { name: /^Monthly assessment/ })).toBeTruthy();
    const thisMonth = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    expect(asked.map((variables) => variables.month)).toEqual([new Date(Date.parse(`${thisMonth}-01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 7), thisMonth]);
    expect((screen.getByLabelText("Month") as HTMLSelectElement).value).toBe(thisMonth);
  }, 20_000);
});
