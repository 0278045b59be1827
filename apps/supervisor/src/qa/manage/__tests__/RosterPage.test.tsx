import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { QmRosterWeekDocument, QmSaveShiftDocument, QmTeamsDocument } from "../../../gql/graphql.ts";
import { recordingMock, renderRouting, stateMock } from "../../../routing/__tests__/routingKit.tsx";
import { RosterPage } from "../roster/RosterPage.tsx";
import { LEAD, OPERATOR, OPERATOR2, teamsAnswer } from "./qaKit.ts";

type Shift = { __typename: "QaShift"; id: string; seatCode: string; startsAt: string; endsAt: string; callTaker: typeof OPERATOR };

function rosterServer() {
  const shifts: Shift[] = [];
  const weeks: Record<string, unknown>[] = [];
  const saves: Record<string, unknown>[] = [];
  const week = (variables: Record<string, unknown>) => {
    weeks.push(variables);
    return {
      qaRosterWeek: {
        __typename: "QaRosterWeek",
        weekStart: variables.weekStart,
        teamId: variables.teamId,
        seats: [
          { __typename: "QaSeat", code: "A01", name: "A01", active: true },
          { __typename: "QaSeat", code: "A02", name: "A02", active: true },
        ],
        people: [LEAD, OPERATOR, OPERATOR2],
        shifts: [...shifts],
      },
    };
  };
  const mocks = [
    stateMock(QmTeamsDocument, teamsAnswer),
    recordingMock(QmRosterWeekDocument, [], week),
    recordingMock(QmSaveShiftDocument, saves, (variables) => {
      const input = variables.input as { seatCode: string; startsAt: string; endsAt: string; callTakerId: string };
      const shift: Shift = { __typename: "QaShift", id: `s${shifts.length + 1}`, seatCode: input.seatCode, startsAt: input.startsAt, endsAt: input.endsAt, callTaker: [LEAD, OPERATOR, OPERATOR2].find((person) => person.id === input.callTakerId)! };
      shifts.push(shift);
      return { saveQaShift: shift };
    }),
  ];
  return { mocks, weeks, saves };
}

describe("the roster week view", () => {
  it("lets the team's lead put a call-taker on a night shift at a seat, and shows it in the week", async () => {
    const server = rosterServer();
    renderRouting(<RosterPage roles={["OPERATOR"]} qa={{ viewerId: LEAD.id, ledTeamIds: ["t1"] }} />, server.mocks, "en");
    // the team the person leads is chosen first, though another sorts before it
    const table = await screen.findByRole("table", { name: /Roster of 一班/ });
    expect((screen.getByLabelText("Team") as HTMLSelectElement).value).toBe("t1");
    expect(server.weeks[0]).toMatchObject({ teamId: "t1" });
    expect(String(server.weeks[0]!.weekStart)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const monday = String(server.weeks[0]!.weekStart);
    expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1);

    const row = within(table).getAllByRole("row").find((candidate) => candidate.textContent?.includes("张敏"))!;
    const cells = within(row).getAllByRole("button");
    expect(cells).toHaveLength(7);
    fireEvent.click(cells[2]!); // Wednesday
    const editor = await screen.findByRole("region", { name: /张敏/ });
    fireEvent.click(within(editor).getByRole("button", { name: "Save" }));
    expect(await within(editor).findByText("Choose a seat for the shift.")).toBeTruthy();
    expect(server.saves).toHaveLength(0);

    fireEvent.change(within(editor).getByLabelText("Seat"), { target: { value: "A02" } });
    fireEvent.change(within(editor).getByLabelText("Starts"), { target: { value: "22:00" } });
    fireEvent.change(within(editor).getByLabelText("Ends"), { target: { value: "06:00" } });
    fireEvent.click(within(editor).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(server.saves).toHaveLength(1));
    const wednesday = new Date(Date.parse(`${monday}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
    const thursday = new Date(Date.parse(`${monday}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
    // a night shift: 22:00 China time on Wednesday until 06:00 on Thursday
    expect(server.saves[0]!.input).toEqual({ id: null, seatCode: "A02", callTakerId: OPERATOR.id, startsAt: new Date(`${wednesday}T22:00:00+08:00`).toISOString(), endsAt: new Date(`${thursday}T06:00:00+08:00`).toISOString() });
    expect(await screen.findByText(/Saved: 张敏/)).toBeTruthy();
    // the editor closed and the cell's button has the focus again
    expect(screen.queryByRole("region", { name: /张敏/ })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(cells[2]));
    // the week is asked again and the cell shows the seat and hours
    const shown = await screen.findByRole("button", { name: /A02 22:00–06:00 \(\+1\)/ });
    expect(shown.closest("tr")?.textContent).toContain("张敏");
  }, 20_000);

  it("is read-only for a supervisor: no edit buttons, off days marked", async () => {
    const server = rosterServer();
    renderRouting(<RosterPage roles={["SUPERVISOR"]} qa={{ viewerId: "u-sup", ledTeamIds: [] }} />, server.mocks, "zh-CN");
    const table = await screen.findByRole("table", { name: /排班/ });
    expect(within(table).queryAllByRole("button")).toHaveLength(0);
    expect(within(table).getAllByText("休息").length).toBe(21);
    expect(screen.getByText("您可以查看此排班，只有本班组组长可以修改。")).toBeTruthy();
  }, 20_000);
});
