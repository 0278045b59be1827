import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { WorkbenchPage } from "../WorkbenchPage.tsx";
import { buildAssignment, detailMock, EDU, HOUSING, inboxMock, renderRouting, viewerMock } from "./routingTestKit.tsx";

const rows = () => screen.getAllByTestId("inbox-row");

describe("unit workbench inbox", () => {
  it("lists the unit's tickets soonest deadline first, with countdowns and near-due / overdue badges", async () => {
    const later = buildAssignment("1", { deadlines: { completionDueAt: "2099-12-01T09:30:00Z", state: "ON_TIME", workingMinutesLeft: 2250 } });
    const overdue = buildAssignment("2", { deadlines: { completionDueAt: "2020-01-06T09:30:00Z", state: "OVERDUE", workingMinutesLeft: -900 } });
    const soon = buildAssignment("3", { deadlines: { completionDueAt: "2099-11-24T09:30:00Z", state: "NEAR_DUE", workingMinutesLeft: 60 } });
    renderRouting(<WorkbenchPage />, [viewerMock(), inboxMock([later, overdue, soon])]);

    await screen.findAllByTestId("inbox-row");
    expect(rows().map((row) => row.getAttribute("data-ticket-id"))).toEqual(["2", "3", "1"]);
    expect(rows()[0]?.textContent).toMatch(/Overdue by \d+ days/);
    expect(rows()[1]?.textContent).toContain("Due soon: 1 h left (working time)");
    expect(rows()[2]?.textContent).toContain("37 h 30 min left (working time)");
    expect(rows()[0]?.textContent).toContain("Not signed for");
    expect(rows()[0]?.textContent).toContain("Lead unit");
    expect(screen.getByTestId("inbox-summary").textContent).toBe("1 overdue · 1 due soon");
    expect(screen.getByTestId("inbox-count").textContent).toBe("3");
  });

  it("says the same in Chinese", async () => {
    const soon = buildAssignment("3", { deadlines: { state: "NEAR_DUE", workingMinutesLeft: 90 } });
    renderRouting(<WorkbenchPage />, [viewerMock(), inboxMock([soon])], "zh-CN");
    const [row] = await screen.findAllByTestId("inbox-row");
    expect(row?.textContent).toContain("即将超期：剩余 1 小时 30 分钟（工作时间）");
    expect(row?.textContent).toContain("承办");
    expect(row?.textContent).toContain("未签收");
  });

  it("reloads the inbox when routing pushes a change", async () => {
    const first = buildAssignment("1");
    const second = buildAssignment("2", { leadUnit: HOUSING, assistingUnits: [EDU] });
    const { subscriptions } = renderRouting(<WorkbenchPage />, [viewerMock(), inboxMock([first], false), inboxMock([first, second], false)]);
    await screen.findAllByTestId("inbox-row");
    expect(rows()).toHaveLength(1);

    act(() => {
      subscriptions.simulateResult({ result: { data: { routingChanged: true } } });
    });

    await waitFor(() => expect(rows()).toHaveLength(2));
    const added = rows().find((row) => row.getAttribute("data-ticket-id") === "2");
    expect(added && within(added).getByText("Assisting unit")).toBeTruthy();
  });

  it("shows what the API returns for a confidential ticket and says why the identity is hidden", async () => {
    const secret = buildAssignment("9", { ticket: { privacy: "CONFIDENTIAL", citizenName: "匿名", citizenPhone: "", requestType: "REPORT" } });
    renderRouting(<WorkbenchPage />, [viewerMock(), inboxMock([secret]), detailMock(secret)]);
    const [row] = await screen.findAllByTestId("inbox-row");
    fireEvent.keyDown(row as HTMLElement, { key: "Enter" });

    const panel = await screen.findByTestId("assignment-detail");
    await waitFor(() => expect(within(panel).getByTestId("wb-phone").textContent).toBe("Hidden — the citizen asked for confidentiality"));
    expect(within(panel).getByTestId("wb-citizen").textContent).toBe("匿名");
    expect(within(panel).getByTestId("privacy-note").textContent).toContain("Confidential");
    expect(within(panel).getByTestId("deadline-completion").getAttribute("dateTime")).toBe("2026-12-01T09:30:00Z");
  });
});
