import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AddLeaderInstructionDocument, LeaderPageDocument } from "../../gql/graphql.ts";
import { recordingMock, renderRouting } from "../../routing/__tests__/routingKit.tsx";
import { LeaderPage } from "../LeaderPage.tsx";

const ticket = (trackingNumber: string, overrides: Record<string, unknown> = {}) => ({
  __typename: "LeaderTicket" as const,
  ticketId: `t-${trackingNumber}`,
  trackingNumber,
  summary: "孩子在学校多次被同学欺负",
  status: "DISPATCHED",
  receivedAt: "2026-12-06T01:00:00Z",
  leadUnitName: "淄博市教育局" as string | null,
  dueAt: "2026-12-11T09:30:00Z" as string | null,
  overdue: false,
  outcome: null as string | null,
  replyText: null as string | null,
  repliedAt: null as string | null,
  instructionCount: 0,
  sessionId: null as string | null,
  ...overrides,
});

function page(matters: unknown[], sessionTickets: unknown[] = [], sessions: unknown[] = []) {
  return { leaderPage: { __typename: "LeaderPage", leaderId: "l-1", leaderName: "陈军", sessions, sessionTickets, matters } };
}

const MATTER = {
  __typename: "LeaderMatter",
  id: "m-1",
  kind: "HOT_ISSUE",
  title: "人民路夜市占道",
  note: "群众反映强烈",
  dueAt: "2026-12-13T15:59:59Z",
  assignedByName: "张静",
  assignedAt: "2026-12-06T02:00:00Z",
  status: "OPEN",
  tickets: [ticket("ZB-20261206-00001", { overdue: true }), ticket("ZB-20261206-00002", { status: "REPLIED", outcome: "RESOLVED", replyText: "已清理占道摊点。" })],
};

describe("the leader's page", () => {
  it("says what will appear when nothing is assigned or taken yet", async () => {
    renderRouting(<LeaderPage />, [recordingMock(LeaderPageDocument, [], () => page([]))]);
    expect((await screen.findByTestId("matters-empty")).textContent).toContain("No cases assigned to you yet");
    expect(screen.getByTestId("session-tickets-empty").textContent).toContain("No calls taken in your sessions yet");
    expect(screen.getByText("No sessions scheduled. A supervisor schedules them.")).toBeTruthy();
  });

  it("lists a hot issue's tickets with status, deadline and outcome in Chinese", async () => {
    renderRouting(<LeaderPage />, [recordingMock(LeaderPageDocument, [], () => page([MATTER]))], "zh-CN");
    const matter = await screen.findByTestId("leader-matter");
    expect(within(matter).getByRole("heading", { level: 3 }).textContent).toBe("热点问题 人民路夜市占道");
    expect(within(matter).getByText("办理中")).toBeTruthy();
    const rows = within(matter).getAllByTestId("leader-ticket-row");
    expect(rows[0]!.textContent).toContain("已超期");
    expect(rows[1]!.textContent).toContain("已解决");
    expect(rows[1]!.textContent).toContain("已清理占道摊点。");
    expect(within(matter).getByText("说明：群众反映强烈")).toBeTruthy();
  });

  it("sends an instruction on a ticket and confirms it", async () => {
    const sent: Record<string, unknown>[] = [];
    renderRouting(<LeaderPage />, [
      recordingMock(LeaderPageDocument, [], () => page([MATTER])),
      recordingMock(AddLeaderInstructionDocument, sent, () => ({ addLeaderInstruction: { __typename: "LeaderInstruction", id: "i-1", text: "请三日内整改", createdAt: "2026-12-06T03:00:00Z" } })),
    ]);
    fireEvent.click(await screen.findByRole("button", { name: "Add an instruction to ZB-20261206-00001" }));
    fireEvent.change(screen.getByLabelText("Instruction for ZB-20261206-00001"), { target: { value: "请三日内整改" } });
    fireEvent.click(screen.getByRole("button", { name: "Send instruction" }));
    expect((await screen.findByTestId("instruction-done")).textContent).toBe("Your instruction on ZB-20261206-00001 was sent to the unit.");
    expect(sent).toEqual([{ ticketId: "t-ZB-20261206-00001", text: "请三日内整改" }]);
  });

  it("shows a supervisor a leader's cases read-only, asking for that leader", async () => {
    const asked: Record<string, unknown>[] = [];
    renderRouting(<LeaderPage leaderId="l-1" />, [recordingMock(LeaderPageDocument, asked, () => page([MATTER]))]);
    expect((await screen.findByRole("heading", { level: 2 })).textContent).toBe("Cases of 陈军");
    expect(screen.getAllByTestId("leader-ticket-row")).toHaveLength(2);
    expect(screen.queryByRole("button", { name: /Add an instruction/ })).toBeNull();
    expect(asked).toEqual([{ leaderId: "l-1" }]);
  });
});
