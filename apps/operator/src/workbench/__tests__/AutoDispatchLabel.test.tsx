import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { WorkbenchPage } from "../WorkbenchPage.tsx";
import { buildAssignment, detailMock, EDU, inboxMock, renderRouting, viewerMock } from "./routingTestKit.tsx";

/** Issue 16 bug 9: "自动派单 / auto-dispatch" and "citizen (portal)" are shown in the viewer's language only. */
describe("who dispatched, and who acted in the history, in the viewer's language", () => {
  it("shows 自动派单 and 市民（网站） in Chinese, without the English", async () => {
    const assignment = buildAssignment("7", {
      dispatchedBy: "自动派单 / auto-dispatch",
      dispatchedByKind: "AUTO_DISPATCH",
      ticket: {
        history: [
          {
            __typename: "TicketHistoryEntry" as const,
            id: "h-1",
            at: "2026-11-24T01:00:00Z",
            kind: "STATUS",
            toStatus: "RECEIVED",
            actorName: "citizen (portal)",
            actorKind: "CITIZEN",
            reason: null,
            noteCode: null,
            noteParams: [],
          },
        ],
      },
    });
    renderRouting(<WorkbenchPage />, [viewerMock(EDU.id), inboxMock(() => [assignment]), detailMock(assignment)], "zh-CN");
    const [row] = await screen.findAllByTestId("inbox-row");
    fireEvent.click(row as HTMLElement);
    const panel = await screen.findByTestId("assignment-detail");
    await within(panel).findByTestId("timeline");
    expect(panel.textContent).toContain("自动派单");
    expect(panel.textContent).toContain("市民（网站）");
    expect(panel.textContent).not.toMatch(/auto-dispatch|citizen \(portal\)/u);
  });
});
