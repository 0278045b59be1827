import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { App } from "../App.tsx";
import { RECENT_LIMIT } from "../dashboard/Dashboard.tsx";
import { MeDocument, TicketQueueDocument } from "../gql/graphql.ts";
import { buildQueueTicket, renderSupervisor } from "./fixtures.tsx";

function queueMock(items: ReturnType<typeof buildQueueTicket>[], total: number) {
  return {
    request: { query: TicketQueueDocument, variables: { limit: RECENT_LIMIT } },
    result: { data: { ticketQueue: { __typename: "TicketQueue", total, items } } },
  };
}

const viewer = { __typename: "Viewer", id: "u9", username: "zhao", displayName: "赵敏", roles: ["SUPERVISOR", "LEADER"] };

describe("supervisor app", () => {
  it("shows the live queue total and latest tickets on the overview, and links to the hotline's figures", async () => {
    window.history.replaceState(null, "", "/supervisor/overview");
    const { subscriptions } = renderSupervisor(<App />, [
      { request: { query: MeDocument }, result: { data: { me: viewer } } },
      queueMock([buildQueueTicket({ id: "5" }), buildQueueTicket({ id: "4" })], 42),
    ]);
    await waitFor(() => expect(screen.getByTestId("queue-total").textContent).toBe("42"));
    expect(screen.getAllByTestId("recent-row")).toHaveLength(2);
    // The wide table scrolls inside a named region the keyboard can reach (axe scrollable-region-focusable).
    const table = screen.getByTestId("recent-tickets");
    const scroller = screen.getAllByRole("region", { name: "Latest tickets in the queue" }).find((region) => region.tabIndex === 0);
    expect(scroller?.contains(table)).toBe(true);
    expect(screen.getByText("赵敏")).toBeTruthy();
    expect(screen.getByText("Supervisor · Leader")).toBeTruthy();
    expect(screen.getByTestId("analytics-link").querySelector("a")?.getAttribute("href")).toMatch(/\/measures$/);

    act(() => {
      subscriptions.simulateResult({ result: { data: { ticketReceived: buildQueueTicket({ id: "6" }) } } });
    });
    await waitFor(() => expect(screen.getByTestId("queue-total").textContent).toBe("43"));
    expect(screen.getAllByTestId("recent-row")[0]?.textContent).toContain("2025112400006");
  });

  it("asks to sign in when nobody is, in the chosen language", async () => {
    renderSupervisor(<App />, [{ request: { query: MeDocument }, result: { data: { me: null } } }], "zh-CN");
    expect(await screen.findByLabelText("用户名")).toBeTruthy();
    expect(screen.getByLabelText("密码")).toBeTruthy();
    expect(screen.getByTestId("login-submit").textContent).toBe("登录");
    fireEvent.change(screen.getByTestId("language-switcher"), { target: { value: "en" } });
    expect(screen.getByLabelText("Username")).toBeTruthy();
    expect(document.title).toBe("Supervision · civicline");
  });
});
