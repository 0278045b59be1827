import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { DecideReReportDocument } from "../../gql/graphql.ts";
import { always, recordingMock, renderRouting } from "../../routing/__tests__/routingKit.tsx";
import { ReReportPage } from "../ReReportPage.tsx";
import { buildProposal, decidedMock, pendingMock, summaryMock, type ProposalFixture } from "./callbackKit.ts";

function setup(items: ProposalFixture[], options: { language?: "en" | "zh-CN"; decideError?: GraphQLError } = {}) {
  const server = { items };
  const decisions: Record<string, unknown>[] = [];
  const periods: Array<Record<string, unknown>> = [];
  const decide = options.decideError
    ? { ...always, request: { query: DecideReReportDocument, variables: () => true }, result: { errors: [options.decideError] } }
    : recordingMock(DecideReReportDocument, decisions, (variables) => {
        const accepted = variables.accept === true;
        server.items = server.items.map((item) =>
          item.id === variables.id
            ? { ...item, state: accepted ? "ACCEPTED" : "DECLINED", decidedAt: "2026-11-25T05:00:00Z", decidedBy: "张静", decisionNote: variables.note as string, ticket: { ...item.ticket, status: accepted ? "DISPATCHED" : "CLOSED" } }
            : item,
        );
        return { decideReReport: server.items.find((item) => item.id === variables.id) };
      });
  const pending = () => server.items.filter((item) => item.state === "PENDING");
  const decided = () => server.items.filter((item) => item.state !== "PENDING");
  const view = renderRouting(<ReReportPage />, [pendingMock(pending), decidedMock(decided), summaryMock(periods), decide], options.language ?? "en");
  return { ...view, decisions, periods, server };
}

describe("re-report proposals", () => {
  it("lists pending proposals with the answers, comment and reasons", async () => {
    setup([buildProposal("1"), buildProposal("2", { reasons: ["PARTLY_RESOLVED"], comment: null, survey: { resolution: "PARTLY", resultSatisfaction: "BASICALLY_SATISFIED", comment: null } })]);
    const rows = await screen.findAllByTestId("proposal-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain("ZB-20261125-00001");
    expect(rows[0]?.textContent).toContain("School bullying");
    expect(rows[0]?.textContent).toContain("Zibo Education Bureau");
    expect(rows[0]?.textContent).toContain("Not resolved");
    expect(rows[0]?.textContent).toContain("Result: Very dissatisfied");
    expect(rows[0]?.textContent).toContain("Service: Satisfied");
    expect(rows[0]?.textContent).toContain("学校只是口头批评");
    expect(rows[0]?.textContent).toContain("Dissatisfied with the result");
    expect(rows[0]?.textContent).toContain("11/25/2026, 11:00");
    expect(rows[1]?.textContent).toContain("Partly resolved");
    expect(screen.getByTestId("proposal-count").textContent).toBe("2");
  });

  it("shows the unit's reply in the detail and accepts only with a note: the ticket is sent again", async () => {
    const { decisions } = setup([buildProposal("1")]);
    fireEvent.click(await screen.findByTestId("proposal-open"));
    const detail = screen.getByTestId("proposal-detail");
    expect(within(detail).getByTestId("proposal-reply").textContent).toContain("班主任加强管理");
    expect(within(detail).getByTestId("proposal-reply").textContent).toContain("Resolved");
    expect(within(detail).getByTestId("proposal-answers").textContent).toContain("Reasonable request");

    fireEvent.click(within(detail).getByTestId("proposal-accept"));
    expect(within(detail).getByText("This field is required.")).toBeTruthy();
    expect(decisions).toHaveLength(0);

    fireEvent.change(within(detail).getByTestId("proposal-note"), { target: { value: "请约谈校方，落实整改" } });
    fireEvent.click(within(detail).getByTestId("proposal-accept"));
    expect((await screen.findByTestId("proposal-done")).textContent).toBe("Re-report accepted: ZB-20261125-00001 has been sent again to Zibo Education Bureau.");
    expect(decisions).toEqual([{ id: "1", accept: true, note: "请约谈校方，落实整改" }]);
    await waitFor(() => expect(screen.getByTestId("proposal-empty")).toBeTruthy());
    expect(screen.queryByTestId("proposal-detail")).toBeNull();

    fireEvent.click(screen.getByTestId("proposal-tab-decided"));
    const row = await screen.findByTestId("decided-row");
    expect(row.getAttribute("data-state")).toBe("ACCEPTED");
    expect(within(row).getByTestId("decided-ticket-status").getAttribute("data-status")).toBe("DISPATCHED");
    expect(row.textContent).toContain("请约谈校方，落实整改");
    expect(row.textContent).toContain("张静");
  });

  it("declines with the reason, in Chinese", async () => {
    const { decisions } = setup([buildProposal("3")], { language: "zh-CN" });
    fireEvent.click(await screen.findByTestId("proposal-open"));
    const detail = screen.getByTestId("proposal-detail");
    fireEvent.change(within(detail).getByTestId("proposal-note"), { target: { value: "诉求超出职责范围，已解释" } });
    fireEvent.click(within(detail).getByTestId("proposal-decline"));
    expect((await screen.findByTestId("proposal-done")).textContent).toBe("已不予续报：ZB-20261125-00003 已办结。");
    expect(decisions).toEqual([{ id: "3", accept: false, note: "诉求超出职责范围，已解释" }]);
    fireEvent.click(screen.getByTestId("proposal-tab-decided"));
    expect((await screen.findByTestId("decided-row")).textContent).toContain("不予续报，已办结");
  });

  it("shows a proposal withdrawn because its ticket moved on among the decided ones", async () => {
    setup([buildProposal("5", { state: "WITHDRAWN", decidedAt: "2026-11-25T06:00:00Z", decidedBy: null, decisionNote: "ticket is closed", ticket: { ...buildProposal("5").ticket, status: "CLOSED" } })]);
    expect((await screen.findByTestId("proposal-empty")).textContent).toContain("No re-report proposals to decide");
    fireEvent.click(screen.getByTestId("proposal-tab-decided"));
    const row = await screen.findByTestId("decided-row");
    expect(row.getAttribute("data-state")).toBe("WITHDRAWN");
    expect(row.textContent).toContain("Withdrawn — the ticket moved on before a decision");
  });

  it("says what the page is for when nothing is pending, and when nothing was decided", async () => {
    setup([]);
    expect((await screen.findByTestId("proposal-empty")).textContent).toContain("No re-report proposals to decide");
    fireEvent.click(screen.getByTestId("proposal-tab-decided"));
    expect((await screen.findByTestId("decided-empty")).textContent).toContain("No decisions yet");
  });

  it("explains why an accepted re-report cannot go to an inactive unit", async () => {
    const inactive = new GraphQLError("inactive", { extensions: { code: "CALLBACK/UNIT_INACTIVE" } });
    setup([buildProposal("4")], { decideError: inactive });
    fireEvent.click(await screen.findByTestId("proposal-open"));
    fireEvent.change(screen.getByTestId("proposal-note"), { target: { value: "同意续报" } });
    fireEvent.click(screen.getByTestId("proposal-accept"));
    expect((await screen.findByRole("alert")).textContent).toContain("The unit that replied is no longer active.");
  });
});

describe("satisfaction card", () => {
  it("shows both rates as percentages with their counts, and asks again for another period", async () => {
    const { periods } = setup([]);
    expect((await screen.findByTestId("sat-result-rate")).textContent).toBe("99.74%");
    expect(screen.getByTestId("sat-result-counts").textContent).toBe("389 of 390 answers");
    expect(screen.getByTestId("sat-process-rate").textContent).toBe("99.9%");
    expect(screen.getByTestId("sat-process-counts").textContent).toBe("999 of 1000 answers");
    expect(within(screen.getByTestId("sat-result")).getByRole("meter").getAttribute("aria-valuenow")).toBe("99.7");
    expect(screen.getByTestId("sat-answered").textContent).toBe("400");
    expect(screen.getByTestId("sat-re-reports").textContent).toBe("3");

    const before = periods.length;
    fireEvent.change(screen.getByTestId("sat-period"), { target: { value: "thisYear" } });
    await waitFor(() => expect(periods.length).toBeGreaterThan(before));
    const year = periods[periods.length - 1] as { from: string; to: string };
    expect(year.from).toMatch(/^\d{4}-12-31T16:00:00/);
    expect(Date.parse(year.to) - Date.parse(year.from)).toBeGreaterThanOrEqual(365 * 86_400_000);
  });

  it("says there are no answers yet rather than showing 0 %", async () => {
    renderRouting(<ReReportPage />, [pendingMock(() => []), summaryMock([], { resultSatisfactionRate: null, processSatisfactionRate: null, reasonableAnswered: 0, resultSatisfied: 0, processAnswered: 0, processSatisfied: 0 })], "zh-CN");
    expect((await screen.findByTestId("sat-result-rate")).textContent).toBe("暂无回答");
    expect(screen.getByTestId("sat-process-counts").textContent).toBe("0 份回答中 0 份满意");
  });
});

describe("re-report proposals for leaders", () => {
  it("shows the proposal without the decision", async () => {
    renderRouting(<ReReportPage canDecide={false} />, [pendingMock(() => [buildProposal("5")]), summaryMock([])]);
    fireEvent.click(await screen.findByTestId("proposal-open"));
    expect(screen.getByTestId("proposal-read-only").textContent).toBe("Supervisors and administrators decide re-report proposals.");
    expect(screen.queryByTestId("proposal-accept")).toBeNull();
  });
});
