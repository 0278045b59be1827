import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { App } from "../App.tsx";
import { categoriesMock, districtsMock, portalSettingsMock, renderPortal } from "./fixtures.tsx";

describe("portal app", () => {
  it("offers submit and track from the home page and navigates without a reload", async () => {
    window.history.replaceState(null, "", import.meta.env.BASE_URL);
    renderPortal(<App />, [categoriesMock, districtsMock, portalSettingsMock()], "zh-CN");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("请问有什么可以帮您？");
    expect(screen.getByTestId("home-track").textContent).toContain("查询诉求");

    fireEvent.click(screen.getByTestId("home-submit"));

    expect(window.location.pathname).toBe(`${import.meta.env.BASE_URL}submit`);
    expect(await screen.findByTestId("submit-form")).toBeTruthy();
    expect(screen.getByRole("link", { name: "提交诉求", current: "page" })).toBeTruthy();
    expect(document.title).toBe("网上诉求 · civicline");
  });

  it("prefills the tracking form from ?n=", async () => {
    window.history.replaceState(null, "", `${import.meta.env.BASE_URL}track?n=2025112400017`);
    renderPortal(<App />, []);
    expect(((await screen.findByLabelText(/Tracking number/)) as HTMLInputElement).value).toBe("2025112400017");
  });

  it("routes under the /portal/ base: trailing slashes, index.html, unknown pages", async () => {
    const BASE = import.meta.env.BASE_URL;
    window.history.replaceState(null, "", `${BASE}index.html`);
    const first = renderPortal(<App />, [], "zh-CN");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("请问有什么可以帮您？");
    first.unmount();
    window.history.replaceState(null, "", `${BASE}track/?n=%202025112400017%20`);
    const second = renderPortal(<App />, []);
    expect(((await screen.findByLabelText(/Tracking number/)) as HTMLInputElement).value).toBe("2025112400017");
    second.unmount();
    window.history.replaceState(null, "", `${BASE}nope`);
    renderPortal(<App />, []);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Page not found");
  });

  it("moves focus to the new page's heading once its lazily loaded chunk has rendered", async () => {
    window.history.replaceState(null, "", import.meta.env.BASE_URL);
    renderPortal(<App />, [categoriesMock, districtsMock, portalSettingsMock()]);
    fireEvent.click(screen.getByTestId("home-track"));
    await waitFor(() => expect(document.activeElement?.tagName).toBe("H1"));
    expect(document.activeElement?.textContent).toBe(screen.getByRole("heading", { level: 1 }).textContent);
    expect(screen.getByRole("link", { name: /Track/, current: "page" })).toBeTruthy();
  });
});
