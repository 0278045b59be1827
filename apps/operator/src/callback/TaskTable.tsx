import { AppLink, TableScroll, useFormat } from "@civicline/ui";
import type { CallbackTaskRowFragment } from "../gql/graphql.ts";
import { useCallbackT } from "./messages.ts";
import { callbackTaskPath } from "./paths.ts";

/** Open callbacks, soonest due first: the tracking number opens the task; due time, overdue and calls made. */
export function TaskTable({ items }: { items: readonly CallbackTaskRowFragment[] }) {
  const t = useCallbackT();
  const format = useFormat();
  return (
    <TableScroll label={t("cb.queue.caption")}>
      <table className="queue-table" data-testid="callback-table">
        <caption className="visually-hidden">{t("cb.queue.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("cb.col.trackingNumber")}</th>
            <th scope="col">{t("cb.col.request")}</th>
            <th scope="col">{t("cb.col.citizen")}</th>
            <th scope="col">{t("cb.col.due")}</th>
            <th scope="col">{t("cb.col.attempts")}</th>
            <th scope="col">{t("cb.col.status")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((task) => (
            <tr
              key={task.id}
              data-testid="callback-row"
              data-task-id={task.id}
              className={task.overdue ? "callback-row callback-row--overdue" : "callback-row"}
            >
              <td className="mono">
                <AppLink to={callbackTaskPath(task.id)} data-testid="callback-open">
                  {task.ticket.trackingNumber}
                </AppLink>
              </td>
              <td>
                <span className="inbox-subject">{format.name(task.ticket.category)}</span>
                <span className="inbox-subject__meta">
                  {format.requestType(task.ticket.requestType)} · {format.name(task.ticket.district)}
                </span>
              </td>
              <td>{task.ticket.citizenName}</td>
              <td>
                <time dateTime={task.dueAt}>{format.dateTime(task.dueAt)}</time>
                {task.overdue ? (
                  <span className="badge badge--danger callback-flag" data-testid="callback-overdue">
                    {t("cb.row.overdue")}
                  </span>
                ) : null}
              </td>
              <td>{t("cb.row.attempts", { count: task.attemptCount, max: task.maxTries })}</td>
              <td>
                <TaskStatus task={task} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function TaskStatus({ task }: { task: CallbackTaskRowFragment }) {
  const t = useCallbackT();
  const format = useFormat();
  if (task.claimedByMe) {
    return <span className="badge badge--active">{t("cb.row.claimedByMe")}</span>;
  }
  if (task.claimedBy) {
    return <span className="badge badge--muted">{t("cb.row.claimedBy", { name: task.claimedBy })}</span>;
  }
  if (!task.readyToCall && task.nextAttemptAt) {
    return <span className="badge badge--waiting">{t("cb.row.retryAt", { at: format.dateTime(task.nextAttemptAt) })}</span>;
  }
  return <span className="badge badge--new">{t("cb.row.ready")}</span>;
}
