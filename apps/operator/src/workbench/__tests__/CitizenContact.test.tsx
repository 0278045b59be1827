import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { RevealCitizenPhoneDocument } from "../../gql/graphql.ts";
import { WorkbenchPage } from "../WorkbenchPage.tsx";
import { buildAssignment, detailMock, EDU, HOUSING, inboxMock, recordingMock, renderRouting, viewerMock, type AssignmentFixture } from "./routingTestKit.tsx";

async function open(assignment: AssignmentFixture, unitId = EDU.id, calls: Array<Record<string, unknown>> = []) {
  const reveal = recordingMock(RevealCitizenPhoneDocument, calls, () => ({ revealCitizenPhone: { __typename: "RevealedPhone", phone: "13812345678", telUri: "tel:13812345678" } }));
  renderRouting(<WorkbenchPage />, [viewerMock(unitId), inboxMock([assignment]), detailMock(assignment), reveal]);
  const [row] = await screen.findAllByTestId("inbox-row");
  fireEvent.click(row as HTMLElement);
  const panel = await screen.findByTestId("assignment-detail");
  await within(panel).findByTestId("deadline-completion");
  return panel;
}

describe("先联系后办理: the caller's number for the lead unit", () => {
  it("reveals the number as a dial link when the citizen chose no restriction", async () => {
    const calls: Array<Record<string, unknown>> = [];
    const panel = await open(buildAssignment("1"), EDU.id, calls);
    expect(within(panel).getByTestId("wb-phone").textContent).toContain("138****5678");
    fireEvent.click(within(panel).getByTestId("wb-phone-reveal"));
    const link = await within(panel).findByTestId("wb-phone-call");
    expect(link.getAttribute("href")).toBe("tel:13812345678");
    expect(link.textContent).toBe("Call 13812345678");
    expect(calls).toEqual([{ ticketId: "1" }]);
  });

  it("offers no reveal for an anonymous or confidential request, nor to an assisting unit", async () => {
    for (const privacy of ["ANONYMOUS", "CONFIDENTIAL"]) {
      const panel = await open(buildAssignment("2", { ticket: { privacy, citizenName: "匿名 / Anonymous", citizenPhone: privacy === "ANONYMOUS" ? "138****5678" : "" } }));
      expect(within(panel).queryByTestId("wb-phone-reveal")).toBeNull();
      document.body.innerHTML = "";
    }
    const assisting = await open(buildAssignment("3", { assistingUnits: [HOUSING] }), HOUSING.id);
    expect(within(assisting).queryByTestId("wb-phone-reveal")).toBeNull();
  });
});

describe("the reply's photos in the unit's view", () => {
  it("shows them as thumbnails with the reply, opening full size", async () => {
    const reply = {
      __typename: "UnitReply",
      outcome: "RESOLVED",
      text: "路灯已更换。",
      at: "2026-11-25T01:00:00Z",
      author: "王工",
      unit: EDU,
      attachments: [{ __typename: "Attachment", id: "f1", filename: "after.jpg", contentType: "image/jpeg", size: 1200, url: "/files/f1" }],
    };
    const panel = await open(buildAssignment("4", { state: "REPLIED", reply, ticket: { status: "REPLIED" } }));
    const thumbnails = within(panel).getByRole("list", { name: "Photos and documents attached to the reply" });
    expect(thumbnails.querySelector("img")?.getAttribute("src")).toBe("/files/f1");
    fireEvent.click(within(thumbnails).getByRole("button", { name: "Open the photo after.jpg at full size" }));
    expect(screen.getByRole("dialog", { name: "after.jpg" })).toBeTruthy();
  });
});
