import { useMemo } from "react";
import { Timeline, type TimelineItem } from "../components/Feedback.tsx";
import { historyActorText, historyNoteText, type HistoryEntryLike } from "./enumLabels.ts";
import { useLanguage } from "./I18nProvider.tsx";

/** A ticket history entry as the staff screens select it. */
export type HistoryTimelineEntry = HistoryEntryLike & { id: string; at: string; toStatus: string; kind?: string | null };

/** Timeline items of a ticket's history in the viewer's language (kind, actor and note translated). */
function useHistoryTimeline(entries: readonly HistoryTimelineEntry[]): TimelineItem[] {
  const { language } = useLanguage();
  return useMemo(
    () =>
      entries.map((entry) => ({
        id: entry.id,
        at: entry.at,
        status: entry.toStatus,
        kind: entry.kind ?? null,
        actor: historyActorText(language, entry),
        note: historyNoteText(language, entry),
      })),
    [entries, language],
  );
}

/** A ticket's history as a timeline in the viewer's language. */
export function HistoryTimeline({ entries, label }: { entries: readonly HistoryTimelineEntry[]; label?: string }) {
  return <Timeline items={useHistoryTimeline(entries)} label={label} />;
}
