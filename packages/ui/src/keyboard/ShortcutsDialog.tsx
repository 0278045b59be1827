import { useEffect, useId, useRef, type KeyboardEvent } from "react";
import { Button } from "../components/Button.tsx";
import { useT } from "../i18n/I18nProvider.tsx";
import { formatCombo, type HotkeyCombo } from "./hotkeys.ts";

export type ShortcutHelpItem = { combo: HotkeyCombo; label: string };
export type ShortcutHelpGroup = { label: string; items: readonly ShortcutHelpItem[] };

/** A key combination as the user presses it: <kbd>Alt</kbd>+<kbd>N</kbd>. */
export function Kbd({ combo }: { combo: HotkeyCombo }) {
  const parts = formatCombo(combo).split("+");
  return (
    <span className="kbd-combo">
      {parts.map((part, index) => (
        <span key={`${part}-${index}`}>
          {index > 0 ? "+" : null}
          <kbd>{part}</kbd>
        </span>
      ))}
    </span>
  );
}

export type ShortcutsDialogProps = {
  title: string;
  groups: readonly ShortcutHelpGroup[];
  onClose: () => void;
};

/**
 * Modal list of keyboard shortcuts. Focus moves into it, stays inside (Tab cycles), Escape or the
 * close button closes it, and focus returns to where it was.
 */
export function ShortcutsDialog({ title, groups, onClose }: ShortcutsDialogProps) {
  const t = useT();
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    return () => previous?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
    if (event.key === "Tab") {
      // The close button is the only control: keep focus on it.
      event.preventDefault();
      closeRef.current?.focus();
    }
  };

  return (
    <div className="modal-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div className="modal card" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown} data-testid="shortcuts-help">
        <div className="modal__header">
          <h2 id={titleId}>{title}</h2>
          <Button ref={closeRef} variant="ghost" onClick={onClose}>
            {t("common.close")}
          </Button>
        </div>
        {groups.map((group) => (
          <section key={group.label} className="shortcut-group">
            <h3>{group.label}</h3>
            <dl className="shortcut-list">
              {group.items.map((item) => (
                <div key={item.combo} className="shortcut-list__row">
                  <dt>
                    <Kbd combo={item.combo} />
                  </dt>
                  <dd>{item.label}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </div>
  );
}
