import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { MarkCitizenAdditionReadDocument, UnreadCitizenAdditionsDocument } from "../../../gql/graphql.ts";
import { always, recordingMock, renderRouting } from "../../__tests__/routingTestKit.tsx";
import { CitizenAdditions } from "../CitizenAdditions.tsx";

const addition = {
  __typename: "CitizenAddition",
  id: "a1",
  ticketId: "t1",
  trackingNumber: "ZB-20261206-00004",
  message: "学校今天又要求交校服费。",
  at: "2026-12-06T03:00:00.000Z",
  seenAt: null,
  photos: [{ __typename: "CitizenAdditionPhoto", id: "f1", filename: "notice.png", url: "/files/f1" }],
};

describe("citizens' additions at the top of the workbench", () => {
  it("lists what citizens added with their photos, opens the ticket, and leaves once marked read", async () => {
    let unread = [addition];
    const calls: Array<Record<string, unknown>> = [];
    const onOpen = vi.fn();
    renderRouting(<CitizenAdditions onOpen={onOpen} />, [
      { ...always, request: { query: UnreadCitizenAdditionsDocument }, result: () => ({ data: { unreadCitizenAdditions: unread } }) },
      recordingMock(MarkCitizenAdditionReadDocument, calls, () => {
        unread = [];
        return { markCitizenAdditionRead: { __typename: "CitizenAddition", id: "a1", seenAt: "2026-12-06T04:00:00.000Z" } };
      }),
    ], "zh-CN");
    const panel = await screen.findByTestId("citizen-additions");
    expect(within(panel).getByRole("heading", { name: /市民补充/ })).toBeTruthy();
    expect(panel.textContent).toContain("学校今天又要求交校服费。");
    expect(within(panel).getByRole("img", { name: "照片 1：notice.png" }).getAttribute("src")).toBe("/files/f1");
    fireEvent.click(within(panel).getByRole("button", { name: /打开工单/ }));
    expect(onOpen).toHaveBeenCalledWith("t1");
    fireEvent.click(within(panel).getByRole("button", { name: /标记为已读/ }));
    await waitFor(() => expect(screen.queryByTestId("citizen-additions")).toBeNull());
    expect(calls).toEqual([{ id: "a1" }]);
    expect(await screen.findByText("已标记为已读，补充内容仍保留在办理记录中。")).toBeTruthy();
  });
});
