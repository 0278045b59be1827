import { NotificationBell } from "@civicline/ui";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { MarkNotificationsReadDocument, MyNotificationsDocument } from "../gql/graphql.ts";
import { notificationDocuments } from "../staff.ts";
import { renderOperator } from "./fixtures.tsx";

const expiring = {
  __typename: "Notification" as const,
  id: "n1",
  kind: "knowledge.article_expiring",
  titleKey: "notify.knowledge.expiring",
  bodyKey: null,
  params: [
    { __typename: "NotificationParam" as const, name: "title", value: "冬季供暖期延长通知" },
    { __typename: "NotificationParam" as const, name: "expiresOn", value: "2026-12-08" },
  ],
  link: null,
  createdAt: "2026-12-01T02:00:00Z",
  readAt: null as string | null,
};

const listMock = (unread: number, items: Array<typeof expiring>) => ({
  request: { query: MyNotificationsDocument, variables: { limit: 20 } },
  result: { data: { myNotifications: { __typename: "NotificationList" as const, unread, items } } },
});

describe("the notification bell", () => {
  it("shows the unread count, updates it when a new count is pushed, and renders each notification in the viewer's language", async () => {
    const { subscriptions } = renderOperator(<NotificationBell documents={notificationDocuments} />, [listMock(1, [expiring]), listMock(2, [expiring]), listMock(2, [expiring])], "zh-CN");
    const bell = await screen.findByTestId("notify-bell");
    await waitFor(() => expect(bell.getAttribute("aria-label")).toBe("通知，1 条未读"));
    act(() => subscriptions.simulateResult({ result: { data: { notificationCountChanged: { __typename: "NotificationCount", unread: 2 } } } }));
    await waitFor(() => expect(screen.getByTestId("notify-count").textContent).toBe("2"));
    fireEvent.click(bell);
    const item = within(await screen.findByTestId("notify-panel")).getByTestId("notify-item");
    expect(item.textContent).toContain("“冬季供暖期延长通知”将于 2026-12-08 到期");
    expect(item.getAttribute("data-read")).toBe("false");
  });

  it("marks all read for the signed-in person and shows the new count", async () => {
    renderOperator(<NotificationBell documents={notificationDocuments} />, [
      listMock(1, [expiring]),
      { request: { query: MarkNotificationsReadDocument, variables: { ids: null } }, result: { data: { markNotificationsRead: { __typename: "NotificationCount", unread: 0 } } } },
      listMock(0, [{ ...expiring, readAt: "2026-12-02T02:00:00Z" }]),
    ]);
    const bell = await screen.findByTestId("notify-bell");
    await waitFor(() => expect(bell.getAttribute("aria-label")).toBe("Notifications, 1 unread"));
    fireEvent.click(bell);
    fireEvent.click(await screen.findByTestId("notify-read-all"));
    await waitFor(() => expect(bell.getAttribute("aria-label")).toBe("Notifications"));
    await waitFor(() => expect(screen.getByTestId("notify-item").getAttribute("data-read")).toBe("true"));
    expect(screen.getByTestId("notify-item").textContent).toContain("“冬季供暖期延长通知” expires on 2026-12-08");
  });
});
