import { fireEvent, render, renderHook, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { formatCombo, matchesCombo, parseCombo, useHotkeys } from "../keyboard/hotkeys.ts";
import { Kbd, ShortcutsDialog } from "../keyboard/ShortcutsDialog.tsx";
import { I18nProvider } from "../i18n/I18nProvider.tsx";

const key = (init: KeyboardEventInit) => new KeyboardEvent("keydown", init);

describe("matchesCombo", { timeout: 20_000 }, () => {
  it("matches letters by physical key, so Alt+N works where Option+N types a symbol", () => {
    expect(matchesCombo(key({ key: "˜", code: "KeyN", altKey: true }), "alt+n")).toBe(true);
    expect(matchesCombo(key({ key: "n", code: "KeyN", altKey: true }), "alt+n")).toBe(true);
    expect(matchesCombo(key({ key: "n", code: "KeyN" }), "alt+n")).toBe(false);
    expect(matchesCombo(key({ key: "n", code: "KeyN", altKey: true, ctrlKey: true }), "alt+n")).toBe(false);
  });

  it("treats mod as Ctrl or ⌘ and lets a symbol's Shift pass", () => {
    expect(matchesCombo(key({ key: "Enter", ctrlKey: true }), "mod+enter")).toBe(true);
    expect(matchesCombo(key({ key: "Enter", metaKey: true }), "mod+enter")).toBe(true);
    expect(matchesCombo(key({ key: "Enter" }), "mod+enter")).toBe(false);
    expect(matchesCombo(key({ key: "?", shiftKey: true }), "?")).toBe(true);
    expect(matchesCombo(key({ key: "Escape" }), "esc")).toBe(true);
  });

  it("parses and formats combos for display", () => {
    expect(parseCombo("Alt+Shift+N")).toMatchObject({ alt: true, shift: true, key: "n" });
    expect(formatCombo("alt+n", false)).toBe("Alt+N");
    expect(formatCombo("mod+enter", false)).toBe("Ctrl+Enter");
    expect(formatCombo("mod+enter", true)).toBe("⌘+Enter");
    expect(formatCombo("arrowdown", false)).toBe("↓");
  });
});

describe("useHotkeys", { timeout: 20_000 }, () => {
  function Harness({ onNew, onHelp, enabled = true }: { onNew: () => void; onHelp: () => void; enabled?: boolean }) {
    useHotkeys(
      [
        { combo: "alt+n", handler: onNew },
        { combo: "?", handler: onHelp },
      ],
      enabled,
    );
    const [text, setText] = useState("");
    return <input aria-label="text" value={text} onChange={(event) => setText(event.target.value)} />;
  }

  it("fires modifier shortcuts everywhere, plain keys only outside text fields, and prevents the default", () => {
    const onNew = vi.fn();
    const onHelp = vi.fn();
    render(<Harness onNew={onNew} onHelp={onHelp} />);
    const input = screen.getByLabelText("text");
    expect(fireEvent.keyDown(input, { key: "n", code: "KeyN", altKey: true })).toBe(false);
    expect(onNew).toHaveBeenCalledTimes(1);
    expect(fireEvent.keyDown(input, { key: "?", shiftKey: true })).toBe(true);
    expect(onHelp).not.toHaveBeenCalled();
    fireEvent.keyDown(document.body, { key: "?", shiftKey: true });
    expect(onHelp).toHaveBeenCalledTimes(1);
  });

  it("ignores events another handler already handled, and does nothing while disabled", () => {
    const onNew = vi.fn();
    const { rerender } = render(<Harness onNew={onNew} onHelp={() => undefined} />);
    const input = screen.getByLabelText("text");
    input.addEventListener("keydown", (event) => event.preventDefault(), { once: true });
    fireEvent.keyDown(input, { key: "n", code: "KeyN", altKey: true });
    expect(onNew).not.toHaveBeenCalled();
    rerender(<Harness onNew={onNew} onHelp={() => undefined} enabled={false} />);
    fireEvent.keyDown(input, { key: "n", code: "KeyN", altKey: true });
    expect(onNew).not.toHaveBeenCalled();
  });

  it("always calls the latest handler", () => {
    const calls: string[] = [];
    const { rerender } = renderHook(({ name }) => useHotkeys([{ combo: "alt+s", handler: () => calls.push(name) }]), {
      initialProps: { name: "first" },
    });
    rerender({ name: "second" });
    fireEvent.keyDown(document.body, { key: "s", code: "KeyS", altKey: true });
    expect(calls).toEqual(["second"]);
  });
});

describe("ShortcutsDialog", { timeout: 20_000 }, () => {
  it("is a labelled modal that takes focus, closes on Escape and gives focus back", () => {
    const onClose = vi.fn();
    const opener = document.createElement("button");
    document.body.append(opener);
    opener.focus();
    const { unmount } = render(
      <I18nProvider language="zh-CN">
        <ShortcutsDialog title="快捷键" groups={[{ label: "来电", items: [{ combo: "alt+n", label: "新建工单" }] }]} onClose={onClose} />
      </I18nProvider>,
    );
    const dialog = screen.getByRole("dialog", { name: "快捷键" });
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(dialog.textContent).toContain("新建工单");
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: "Tab" });
    expect(dialog.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: "Escape" });
    expect(onClose).toHaveBeenCalledTimes(1);
    unmount();
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });

  it("shows a combo as keys", () => {
    render(<Kbd combo="alt+d" />);
    expect(Array.from(document.querySelectorAll("kbd")).map((k) => k.textContent)).toEqual(["Alt", "D"]);
  });
});
