import { Button, TableScroll, useFormat, useNow } from "@civicline/ui";
import { Fragment, useState } from "react";
import type { MissedCallRowFragment } from "../gql/graphql.ts";
import { useCallbackT } from "./messages.ts";
import { MissedCallReturnForm } from "./MissedCallReturnForm.tsx";

/** "2 min 5 s" / "42 s". */
export function useWaited(): (seconds: number | null) => string {
  const t = useCallbackT();
  return (seconds) => {
    if (seconds === null) {
      return "—";
    }
    return seconds >= 60 ? t("cb.mc.waited", { minutes: Math.floor(seconds / 60), seconds: seconds % 60 }) : t("cb.mc.waitedSeconds", { seconds });
  };
}

/** Missed calls to return, soonest limit first; each row opens its return-call form in place. */
export function MissedCallsTable({ items, onDone }: { items: readonly MissedCallRowFragment[]; onDone: (message: string) => void }) {
  const t = useCallbackT();
  const format = useFormat();
  const waited = useWaited();
  const now = useNow();
  const [openId, setOpenId] = useState<string | null>(null);
  const close = (id: string) => {
    setOpenId(null);
    requestAnimationFrame(() => document.getElementById(`missed-record-${id}`)?.focus());
  };
  return (
    <TableScroll label={t("cb.mc.caption")}>
      <table className="queue-table" data-testid="missed-table">
        <caption className="visually-hidden">{t("cb.mc.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("cb.mc.col.number")}</th>
            <th scope="col">{t("cb.mc.col.abandonedAt")}</th>
            <th scope="col">{t("cb.mc.col.waited")}</th>
            <th scope="col">{t("cb.mc.col.due")}</th>
            <th scope="col">{t("cb.mc.col.attempts")}</th>
            <th scope="col">{t("cb.mc.col.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((call) => (
            <Fragment key={call.id}>
              <tr data-testid="missed-row" data-missed-id={call.id} className={call.overdue ? "callback-row callback-row--overdue" : "callback-row"}>
                <td className="mono">
                  <a href={`tel:${call.callerNumber}`} data-testid="missed-number">
                    {call.callerNumber}
                  </a>
                  {call.line ? <span className="inbox-subject__meta">{t("cb.mc.line", { line: call.line })}</span> : null}
                </td>
                <td>
                  <time dateTime={call.abandonedAt}>{format.dateTime(call.abandonedAt)}</time>
                </td>
                <td>{waited(call.waitedSeconds)}</td>
                <td>
                  <time dateTime={call.dueAt}>{format.dateTime(call.dueAt)}</time>
                  {call.overdue ? (
                    <span className="badge badge--danger callback-flag" data-testid="missed-overdue">
                      {t("cb.row.overdue")}
                    </span>
                  ) : null}
                </td>
                <td>
                  {t("cb.row.attempts", { count: call.attemptCount, max: call.maxTries })}
                  {call.nextAttemptAt && Date.parse(call.nextAttemptAt) > now.getTime() ? (
                    <span className="inbox-subject__meta">{t("cb.row.retryAt", { at: format.dateTime(call.nextAttemptAt) })}</span>
                  ) : null}
                </td>
                <td>
                  <Button
                    variant="secondary"
                    id={`missed-record-${call.id}`}
                    aria-expanded={openId === call.id}
                    aria-controls={`missed-form-${call.id}`}
                    onClick={() => setOpenId(openId === call.id ? null : call.id)}
                    data-testid="missed-record"
                  >
                    {t("cb.mc.record")}
                  </Button>
                </td>
              </tr>
              {openId === call.id ? (
                <tr className="callback-form-row">
                  <td colSpan={6} id={`missed-form-${call.id}`}>
                    <MissedCallReturnForm
                      call={call}
                      onCancel={() => close(call.id)}
                      onDone={(message) => {
                        setOpenId(null);
                        onDone(message);
                      }}
                    />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
