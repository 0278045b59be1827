import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { QmSaveWeeklyNotesDocument, QmTeamsDocument, QmWeeklyReviewDocument } from "../../../gql/graphql.ts";
import { recordingMock, renderRouting, stateMock } from "../../../routing/__tests__/routingKit.tsx";
import { WeeklyReviewPage } from "../review/WeeklyReviewPage.tsx";
import { teamsAnswer } from "./qaKit.ts";

const member = (callTakerId: string, name: string, average: number | null, previousAverage: number | null, fell: boolean) => ({ __typename: "QaWeeklyMember", callTakerId, name, inspections: 3, average, previousAverage, fell });

function review(variables: Record<string, unknown>, individual: boolean, notes: string | null) {
  const members = [member("u-op", "张敏", 78.5, 86, true), member("u-op2", "李娜", 92, 90, false)];
  return {
    qaWeeklyReview: {
      __typename: "QaWeeklyReview",
      teamId: variables.teamId,
      teamName: "一班",
      weekStart: variables.weekStart,
      weekEnd: "2026-12-06",
      inspections: 6,
      average: 85.25,
      previousAverage: 88,
      criticalCount: 1,
      notes,
      notesUpdatedAt: notes ? "2026-12-05T08:00:00Z" : null,
      notesUpdatedByName: notes ? "王芳" : null,
      canEditNotes: individual,
      individual,
      members: individual ? members : [],
      fell: individual ? [members[0]] : [],
      topDeductions: [
        {
          __typename: "QaDeductionCount",
          criterionKey: "greeting",
          criterionLabel: "问候语",
          criterionLabelEn: "Greeting",
          deductionKey: "greeting-none",
          label: "未使用规范问候语",
          labelEn: "No standard greeting",
          points: 5,
          count: 4,
          examples: individual ? [{ __typename: "QaDeductionExample", inspectionId: "i1", callTakerName: "张敏", comment: "开头没有报工号", scoredAt: "2026-12-02T03:00:00Z" }] : [],
        },
      ],
    },
  };
}

describe("the weekly review", () => {
  it("gives the team's lead each call-taker, who fell, deductions with examples, and notes to save", async () => {
    const saves: Record<string, unknown>[] = [];
    const asked: Record<string, unknown>[] = [];
    let notes: string | null = null;
    renderRouting(
      <WeeklyReviewPage qa={{ viewerId: "u-lead", ledTeamIds: ["t1"] }} />,
      [
        stateMock(QmTeamsDocument, teamsAnswer),
        recordingMock(QmWeeklyReviewDocument, asked, (variables) => review(variables, true, notes)),
        recordingMock(QmSaveWeeklyNotesDocument, saves, (variables) => {
          notes = String(variables.notes);
          return { saveQaWeeklyNotes: review(variables, true, notes).qaWeeklyReview };
        }),
      ],
      "en",
    );
    const table = await screen.findByRole("table", { name: /Scores of 一班/ });
    // last week by default: a Monday a week before this week's
    const weekStart = String(asked[0]!.weekStart);
    expect(new Date(`${weekStart}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(asked[0]!.teamId).toBe("t1");
    const zhang = within(table).getByRole("rowheader", { name: "张敏" }).closest("tr")!;
    expect(zhang.textContent).toContain("78.50");
    expect(zhang.textContent).toContain("−7.50");
    expect(within(screen.getByRole("region", { name: "Scores that fell" })).getByText("张敏: 86.00 → 78.50 (−7.50)")).toBeTruthy();
    const deductions = screen.getByRole("region", { name: "Most frequent deductions" });
    expect(deductions.textContent).toContain("Greeting · No standard greeting");
    expect(deductions.textContent).toContain("4 time(s)");
    expect(deductions.textContent).toContain("开头没有报工号");

    fireEvent.change(screen.getByLabelText(/Notes for the team/), { target: { value: "下周练习开场白。" } });
    fireEvent.click(screen.getByRole("button", { name: "Save notes" }));
    await waitFor(() => expect(saves).toHaveLength(1));
    expect(saves[0]).toEqual({ teamId: "t1", weekStart, notes: "下周练习开场白。" });
    expect((await screen.findByRole("status")).textContent).toBe("Notes saved.");
  }, 20_000);

  it("shows a supervisor team figures only: no one's scores, no examples, the notes read-only", async () => {
    renderRouting(
      <WeeklyReviewPage qa={{ viewerId: "u-sup", ledTeamIds: [] }} />,
      [stateMock(QmTeamsDocument, teamsAnswer), recordingMock(QmWeeklyReviewDocument, [], (variables) => review(variables, false, "下周练习开场白。"))],
      "zh-CN",
    );
    expect(await screen.findByText("仅显示班组数据：个人评语和示例只对质检员和班组长显示。")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.queryByText("张敏", { exact: false })).toBeNull();
    expect(screen.getByText("85.25")).toBeTruthy();
    expect(screen.getByText("下周练习开场白。")).toBeTruthy();
    expect(screen.queryByRole("textbox")).toBeNull();
    // the supervisor leads no team: the API's first team is shown
    expect((screen.getByLabelText("班组") as HTMLSelectElement).value).toBe("t2");
  }, 20_000);
});
