import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { TrackTicketDocument } from "../gql/graphql.ts";
import { TrackPage } from "../pages/TrackPage.tsx";
import { renderPortal } from "./fixtures.tsx";

const variables = { trackingNumber: "2025112400017", phone: "13812345678" };

function search(phoneLabel = "Phone number") {
  fireEvent.change(screen.getByLabelText(phoneLabel), { target: { value: "13812345678" } });
  fireEvent.click(screen.getByTestId("track-submit"));
}

describe("track page", () => {
  it("prefills the tracking number and shows status, place and the public timeline", async () => {
    renderPortal(<TrackPage initialNumber="2025112400017" />, [
      {
        request: { query: TrackTicketDocument, variables },
        result: {
          data: {
            trackTicket: {
              __typename: "PublicTicket",
              trackingNumber: "2025112400017",
              status: "DISPATCHED",
              requestType: "COMPLAINT",
              category: { __typename: "Category", id: "c2", nameZh: "路灯照明", nameEn: "Street lights" },
              district: { __typename: "Area", id: "d1", nameZh: "张店区", nameEn: "Zhangdian District" },
              township: { __typename: "Area", id: "t1", nameZh: "马尚街道", nameEn: null },
              receivedAt: "2025-11-24T02:05:00Z",
              timeline: [
                { __typename: "PublicTimelineEntry", at: "2025-11-24T02:05:00Z", status: "RECEIVED" },
                { __typename: "PublicTimelineEntry", at: "2025-11-24T03:00:00Z", status: "DISPATCHED" },
              ],
            },
          },
        },
      },
    ]);
    expect((screen.getByLabelText("Tracking number") as HTMLInputElement).value).toBe("2025112400017");
    search();
    const result = await screen.findByTestId("track-result");
    expect(result.textContent).toContain("Sent to department");
    expect(result.textContent).toContain("Zhangdian District · 马尚街道");
    const steps = screen.getByTestId("timeline").querySelectorAll("li");
    expect(Array.from(steps, (li) => li.textContent)).toEqual(["Received11/24/2025, 10:05", "Sent to department11/24/2025, 11:00"]);
  });

  it("gives one message for an unknown number or a wrong phone", async () => {
    renderPortal(<TrackPage initialNumber="2025112400017" />, [
      {
        request: { query: TrackTicketDocument, variables },
        result: { errors: [{ message: "Ticket not found", extensions: { code: "INTAKE/TICKET_NOT_FOUND" } }] },
      },
    ], "zh-CN");
    search("手机号码");
    expect((await screen.findByTestId("track-not-found")).textContent).toBe(
      "未查询到与该工单编号和手机号码相符的诉求，请核对后重试。",
    );
    expect(screen.queryByTestId("track-result")).toBeNull();
  });
});
