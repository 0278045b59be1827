import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AssignToLeaderDocument, HotIssueTicketsDocument, LeadersDocument, MergeHotIssueDuplicatesDocument } from "../../../gql/graphql.ts";
import { recordingMock, renderRouting } from "../../../routing/__tests__/routingKit.tsx";
import { HotIssueTickets } from "../HotIssueTickets.tsx";

const ISSUE = {
  categoryId: "c-1",
  categoryName: "校园欺凌",
  categoryNameEn: "School bullying",
  districtId: "d-1",
  districtName: "高青县",
  districtNameEn: "Gaoqing County",
  townshipId: "tw-1",
  townshipName: "青城镇",
  townshipNameEn: "Qingcheng",
  windowStart: "2026-11-29T16:00:00.000Z",
  windowEnd: "2026-12-06T16:00:00.000Z",
  count: 3,
  expected: 0.5,
  pValue: 0.0001,
  ratio: 6,
  trend: [],
  leaderNames: [],
};

const ticket = (n: number, status = "RECEIVED", mergeable = true) => ({
  __typename: "HotIssueTicket",
  id: `t-${n}`,
  trackingNumber: `ZB-20261206-0000${n}`,
  version: n,
  status,
  summary: "校门口学生被围堵",
  address: "实验小学",
  townshipName: "青城镇",
  receivedAt: "2026-12-06T01:00:00Z",
  mergeable,
  leaderName: null,
});

const list = (tickets: unknown[]) => ({ hotIssueTickets: { __typename: "HotIssueTickets", total: tickets.length, tickets } });

describe("a hot issue's tickets", () => {
  it("merges the ticked duplicates into the kept ticket and offers no box for a dispatched one", async () => {
    const merges: Record<string, unknown>[] = [];
    const asked: Record<string, unknown>[] = [];
    renderRouting(
      <HotIssueTickets issue={ISSUE} name="School bullying · Gaoqing County" mayMerge mayAssign={false} onChanged={() => undefined} />,
      [
        recordingMock(HotIssueTicketsDocument, asked, () => list([ticket(1), ticket(2), ticket(3, "DISPATCHED", false)])),
        recordingMock(MergeHotIssueDuplicatesDocument, merges, () => ({ mergeHotIssueDuplicates: 1 })),
      ],
    );
    const rows = await screen.findAllByTestId("hot-ticket-row");
    expect(within(rows[2]!).queryByRole("checkbox")).toBeNull();
    expect(within(rows[2]!).getByText("Already dispatched or closed: cannot be merged")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Merge 0 duplicate(s)" }));
    expect((await screen.findByTestId("hot-merge-problem")).textContent).toBe("Choose the ticket that stays.");
    fireEvent.click(screen.getByRole("radio", { name: "Keep ZB-20261206-00001 (the others merge into it)" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Merge ZB-20261206-00002 as a duplicate" }));
    fireEvent.click(screen.getByRole("button", { name: "Merge 1 duplicate(s)" }));
    expect((await screen.findByTestId("hot-merge-done")).textContent).toBe("1 ticket(s) merged into ZB-20261206-00001.");
    expect(merges).toEqual([{ intoTicketId: "t-1", duplicates: [{ ticketId: "t-2", version: 2 }] }]);
    expect(asked[0]).toEqual({ categoryId: "c-1", districtId: "d-1", townshipId: "tw-1", from: ISSUE.windowStart, to: ISSUE.windowEnd });
  });

  it("assigns the tickets to a leader as one case named after the hot issue (Chinese)", async () => {
    const assigned: Record<string, unknown>[] = [];
    renderRouting(
      <HotIssueTickets issue={ISSUE} name="校园欺凌 · 高青县" mayMerge={false} mayAssign onChanged={() => undefined} />,
      [
        recordingMock(HotIssueTicketsDocument, [], () => list([ticket(1), ticket(2)])),
        recordingMock(LeadersDocument, [], () => ({ leaders: [{ __typename: "LeaderAccount", id: "l-1", displayName: "陈军" }] })),
        recordingMock(AssignToLeaderDocument, assigned, () => ({ assignToLeader: { __typename: "LeaderMatter", id: "m-1", kind: "HOT_ISSUE", title: "校园欺凌 · 高青县", tickets: [] } })),
      ],
      "zh-CN",
    );
    expect(await screen.findAllByTestId("hot-ticket-row")).toHaveLength(2);
    expect(screen.queryByRole("radio")).toBeNull();
    fireEvent.change(await screen.findByLabelText("领导"), { target: { value: "l-1" } });
    fireEvent.click(screen.getByRole("button", { name: "交领导包案" }));
    expect((await screen.findByTestId("hot-assign-done")).textContent).toBe("已交 陈军 包案。");
    expect(assigned).toEqual([{ input: { leaderId: "l-1", ticketIds: ["t-1", "t-2"], trackingNumbers: null, title: "校园欺凌 · 高青县", note: null, dueAt: null } }]);
  });
});
