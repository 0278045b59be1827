import type { KeyboardEvent } from "react";
import { useCallbackT } from "./messages.ts";
import { CALLBACK_TABS, type CallbackTab } from "./paths.ts";

export type CallbackTabsProps = {
  selected: CallbackTab;
  /** Open items per tab; undefined while loading. */
  counts: Partial<Record<CallbackTab, number>>;
  /** Tabs holding something overdue are marked. */
  overdue: Partial<Record<CallbackTab, boolean>>;
  onSelect: (tab: CallbackTab) => void;
};

/** WAI-ARIA tabs: ←/→ (Home/End) move between the callback lists, each with its count. */
export function CallbackTabs({ selected, counts, overdue, onSelect }: CallbackTabsProps) {
  const t = useCallbackT();
  const move = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = CALLBACK_TABS.indexOf(selected);
    const last = CALLBACK_TABS.length - 1;
    const targets: Record<string, number> = { ArrowRight: (index + 1) % CALLBACK_TABS.length, ArrowLeft: (index + last) % CALLBACK_TABS.length, Home: 0, End: last };
    const target = targets[event.key];
    const next = target === undefined ? undefined : CALLBACK_TABS[target];
    if (next !== undefined) {
      event.preventDefault();
      onSelect(next);
      document.getElementById(`callback-tab-${next}`)?.focus();
    }
  };
  return (
    <div className="queue-tabs" role="tablist" aria-label={t("cb.queue.tabs")}>
      {CALLBACK_TABS.map((tab) => {
        const isSelected = tab === selected;
        const count = counts[tab];
        return (
          <button
            key={tab}
            type="button"
            role="tab"
            id={`callback-tab-${tab}`}
            data-testid={`callback-tab-${tab}`}
            aria-selected={isSelected}
            aria-controls="callback-panel"
            tabIndex={isSelected ? 0 : -1}
            className={["queue-tab", overdue[tab] ? "queue-tab--emergency" : ""].filter(Boolean).join(" ")}
            onClick={() => onSelect(tab)}
            onKeyDown={move}
          >
            {t(`cb.tab.${tab}`)}
            {count !== undefined ? (
              <span className="queue-tab__count" data-testid={`callback-tab-count-${tab}`}>
                {count}
              </span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
