import { useEffect, useRef } from "react";

/**
 * A key combination such as "alt+n", "ctrl+enter", "mod+enter" (Ctrl, or ⌘ on a Mac keyboard),
 * "shift+?" or "?". Letters and digits match the physical key (`event.code`), so Alt+N works on a
 * Mac keyboard where Option+N types "˜"; other keys match `event.key`.
 */
export type HotkeyCombo = string;

export type Hotkey = {
  combo: HotkeyCombo;
  handler: (event: KeyboardEvent) => void;
  /**
   * Whether the shortcut also fires while typing in a text field. Defaults to true when the combo
   * uses Alt, Ctrl or ⌘ (typing never produces those), false for plain keys like "?".
   */
  inTextFields?: boolean;
};

type ParsedCombo = { alt: boolean; ctrl: boolean; meta: boolean; mod: boolean; shift: boolean | undefined; key: string };

const MODIFIERS = new Set(["alt", "ctrl", "meta", "mod", "shift"]);

/** Splits "alt+shift+n" into modifiers and the key (lower case). */
export function parseCombo(combo: HotkeyCombo): ParsedCombo {
  const parts = combo.toLowerCase().split("+");
  // "+" itself as the key: "ctrl++".
  const key = combo.endsWith("++") ? "+" : (parts.pop() ?? "");
  const mods = new Set(parts.filter((part) => MODIFIERS.has(part)));
  return {
    alt: mods.has("alt"),
    ctrl: mods.has("ctrl"),
    meta: mods.has("meta"),
    mod: mods.has("mod"),
    // A printable symbol like "?" already implies Shift on most layouts: don't insist either way.
    shift: mods.has("shift") ? true : key.length === 1 && !/[a-z0-9]/.test(key) ? undefined : false,
    key,
  };
}

function eventKey(event: KeyboardEvent, wanted: string): boolean {
  if (/^[a-z]$/.test(wanted)) {
    return event.code === `Key${wanted.toUpperCase()}` || event.key.toLowerCase() === wanted;
  }
  if (/^[0-9]$/.test(wanted)) {
    return event.code === `Digit${wanted}` || event.key === wanted;
  }
  const key = event.key.toLowerCase();
  if (wanted === "esc") {
    return key === "escape";
  }
  return key === wanted;
}

/** Whether a keyboard event is the given combination (modifiers must match exactly). */
export function matchesCombo(event: KeyboardEvent, combo: HotkeyCombo): boolean {
  const parsed = parseCombo(combo);
  const ctrlWanted = parsed.ctrl || (parsed.mod && !event.metaKey);
  const metaWanted = parsed.meta || (parsed.mod && event.metaKey);
  if (event.altKey !== parsed.alt || event.ctrlKey !== ctrlWanted || event.metaKey !== metaWanted) {
    return false;
  }
  if (parsed.shift !== undefined && event.shiftKey !== parsed.shift) {
    return false;
  }
  return eventKey(event, parsed.key);
}

/** True for inputs, textareas, selects and contenteditable: where plain keys are typing. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) {
    return false;
  }
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) {
    return true;
  }
  if (target instanceof HTMLInputElement) {
    return !["button", "checkbox", "radio", "submit", "reset", "file", "range", "color"].includes(target.type);
  }
  return false;
}

const KEY_NAMES: Record<string, string> = { enter: "Enter", escape: "Esc", esc: "Esc", arrowup: "↑", arrowdown: "↓", " ": "Space" };

/** "alt+n" → "Alt+N", "mod+enter" → "Ctrl+Enter" (⌘+Enter on a Mac), for display in hints and help. */
export function formatCombo(combo: HotkeyCombo, mac = isMac()): string {
  const parsed = parseCombo(combo);
  const parts: string[] = [];
  if (parsed.ctrl || (parsed.mod && !mac)) {
    parts.push("Ctrl");
  }
  if (parsed.meta || (parsed.mod && mac)) {
    parts.push("⌘");
  }
  if (parsed.alt) {
    parts.push(mac ? "⌥" : "Alt");
  }
  if (parsed.shift) {
    parts.push("Shift");
  }
  parts.push(KEY_NAMES[parsed.key] ?? parsed.key.toUpperCase());
  return parts.join("+");
}

function isMac(): boolean {
  return typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

/**
 * Registers keyboard shortcuts on the document while `enabled`. The first matching shortcut wins,
 * its default action is prevented; shortcuts are skipped when another handler already prevented
 * the event (e.g. an open list handling Enter). Handlers may change between renders freely.
 */
export function useHotkeys(hotkeys: readonly Hotkey[], enabled = true): void {
  const latest = useRef(hotkeys);
  useEffect(() => {
    latest.current = hotkeys;
  });
  useEffect(() => {
    if (!enabled) {
      return;
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) {
        return;
      }
      for (const hotkey of latest.current) {
        if (!matchesCombo(event, hotkey.combo)) {
          continue;
        }
        const parsed = parseCombo(hotkey.combo);
        const inText = hotkey.inTextFields ?? (parsed.alt || parsed.ctrl || parsed.meta || parsed.mod);
        if (!inText && isTextEntry(event.target)) {
          continue;
        }
        event.preventDefault();
        hotkey.handler(event);
        return;
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [enabled]);
}
