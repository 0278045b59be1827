import { useId } from "react";
import { useFormat } from "../../i18n/I18nProvider.tsx";
import { useKnowledgeT } from "../i18n.ts";
import type { ArticleHistoryEntry } from "../types.ts";
import type { EditorMessageKey } from "./messages.ts";

const ACTIONS = ["CREATED", "EDITED", "SUBMITTED", "APPROVED", "URGENT_APPROVED", "SENT_BACK", "EXPIRED", "ARCHIVED", "IMPORTED"] as const;

/** The label key of a history action; an action the client does not know yet is shown as its code. */
function actionKey(action: string): EditorMessageKey | null {
  return (ACTIONS as readonly string[]).includes(action) ? (`kbe.history.action.${action}` as EditorMessageKey) : null;
}

/** An article's steps, oldest first: who created, edited, submitted, approved (also urgently) or sent it back. */
export function ArticleHistoryList({ entries }: { entries: readonly ArticleHistoryEntry[] }) {
  const t = useKnowledgeT();
  const format = useFormat();
  const headingId = useId();
  if (entries.length === 0) {
    return null;
  }
  return (
    <section className="kb-history card" aria-labelledby={headingId} data-testid="kb-history">
      <h2 id={headingId}>{t("kbe.history.title")}</h2>
      <ol className="kb-history__list">
        {entries.map((entry, index) => {
          const key = actionKey(entry.action);
          const label = key ? t(key) : entry.action;
          return (
            <li key={`${entry.at}-${index}`} data-testid="kb-history-entry" data-action={entry.action}>
              <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>{" "}
              {t("kbe.history.entry", { action: label, version: entry.versionNumber, name: entry.actorName })}
              {entry.comment ? <span className="kb-history__comment"> — {entry.comment}</span> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
