import type { KeyboardEvent } from "react";
import type { QueueCountsFieldsFragment, QueueKind } from "../gql/graphql.ts";
import { useOperatorT } from "../messages.ts";
import { countOf, QUEUE_KINDS } from "./useQueueCounts.ts";

export type QueueTabsProps = {
  selected: QueueKind;
  counts: QueueCountsFieldsFragment | undefined;
  onSelect: (kind: QueueKind) => void;
};

/** WAI-ARIA tabs: ←/→ (and Home/End) move between queues, each with its live count. */
export function QueueTabs({ selected, counts, onSelect }: QueueTabsProps) {
  const t = useOperatorT();
  const move = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = QUEUE_KINDS.indexOf(selected);
    const next =
      event.key === "ArrowRight"
        ? QUEUE_KINDS[(index + 1) % QUEUE_KINDS.length]
        : event.key === "ArrowLeft"
          ? QUEUE_KINDS[(index - 1 + QUEUE_KINDS.length) % QUEUE_KINDS.length]
          : event.key === "Home"
            ? QUEUE_KINDS[0]
            : event.key === "End"
              ? QUEUE_KINDS[QUEUE_KINDS.length - 1]
              : undefined;
    if (next) {
      event.preventDefault();
      onSelect(next);
      document.getElementById(`queue-tab-${next}`)?.focus();
    }
  };
  return (
    <div className="queue-tabs" role="tablist" aria-label={t("queue.tabs")}>
      {QUEUE_KINDS.map((kind) => {
        const count = countOf(counts, kind);
        const isSelected = kind === selected;
        return (
          <button
            key={kind}
            type="button"
            role="tab"
            id={`queue-tab-${kind}`}
            data-testid={`queue-tab-${kind}`}
            aria-selected={isSelected}
            aria-controls="queue-panel"
            tabIndex={isSelected ? 0 : -1}
            className={["queue-tab", kind === "EMERGENCIES" && count ? "queue-tab--emergency" : ""].filter(Boolean).join(" ")}
            onClick={() => onSelect(kind)}
            onKeyDown={move}
          >
            {t(`queue.tab.${kind}`)}
            {count !== undefined ? (
              <span className="queue-tab__count" data-testid={`queue-tab-count-${kind}`}>
                {count}
              </span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
