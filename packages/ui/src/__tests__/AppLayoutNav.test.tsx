import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AppLayout } from "../components/AppLayout.tsx";
import { I18nProvider } from "../i18n/I18nProvider.tsx";

describe("AppLayout nav groups", () => {
  it("shows a group's links behind one menu button that opens, marks the current page's group and closes with Escape", () => {
    render(
      <I18nProvider language="en">
        <AppLayout
          title="Supervision"
          nav={[
            { href: "/overview", label: "Overview" },
            { href: "/routing/rules", label: "Dispatch catalogue", group: "Dispatch", current: true },
            { href: "/routing/units", label: "Units", group: "Dispatch" },
          ]}
        >
          <p>page</p>
        </AppLayout>
      </I18nProvider>,
    );
    expect(screen.getByRole("link", { name: "Overview" })).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Units" })).toBeNull();
    const button = screen.getByRole("button", { name: /Dispatch/ });
    expect(button.className).toContain("nav-menu__button--current");
    expect(button.getAttribute("aria-expanded")).toBe("false");

    fireEvent.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByRole("link", { name: "Dispatch catalogue" }).getAttribute("aria-current")).toBe("page");
    fireEvent.keyDown(screen.getByRole("link", { name: "Units" }), { key: "Escape" });
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(button);
    expect(screen.queryByRole("link", { name: "Units" })).toBeNull();
  });
});
