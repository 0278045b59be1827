import { Alert, Button, EmptyState, Loading, navigateTo } from "@civicline/ui";
import { useState } from "react";
import { useCallbackErrorMessage } from "./callbackErrors.ts";
import { CallbackTabs } from "./CallbackTabs.tsx";
import { useCallbackT } from "./messages.ts";
import { MissedCallsTable } from "./MissedCallsTable.tsx";
import { callbackTabPath, type CallbackTab } from "./paths.ts";
import { TaskTable } from "./TaskTable.tsx";
import { useCallbackQueues } from "./useCallbackQueues.ts";

/** The callback agent's home: reply callbacks, direct-answer surveys and missed calls, live. */
export function CallbackQueuePage({ tab }: { tab: CallbackTab }) {
  const t = useCallbackT();
  const errorMessage = useCallbackErrorMessage();
  const queues = useCallbackQueues();
  const [done, setDone] = useState<string | null>(null);
  const data = queues.data;
  const page = data ? (tab === "missed" ? data.missed : tab === "surveys" ? data.surveys : data.replies) : undefined;
  const overdueIn = (items: readonly { overdue: boolean }[] | undefined) => (items ?? []).some((item) => item.overdue);

  const select = (next: CallbackTab) => {
    setDone(null);
    navigateTo(callbackTabPath(next), { replace: true });
  };

  return (
    <section aria-labelledby="callback-title" data-testid="callback-queue">
      <div className="page-heading">
        <h1 id="callback-title" tabIndex={-1}>
          {t("cb.queue.title")}
        </h1>
      </div>
      <p className="page-intro">{t("cb.queue.intro")}</p>
      {data ? (
        <p className="inbox-summary callback-summary" data-testid="callback-summary">
          {tab === "missed"
            ? t("cb.queue.missedSummary", { overdue: data.counts.overdueMissedCalls })
            : t("cb.queue.summary", { overdue: data.counts.overdueTasks, ready: data.counts.readyTasks })}
        </p>
      ) : null}
      <CallbackTabs
        selected={tab}
        counts={data ? { replies: data.replies.total, surveys: data.surveys.total, missed: data.missed.total } : {}}
        overdue={{ replies: overdueIn(data?.replies.items), surveys: overdueIn(data?.surveys.items), missed: overdueIn(data?.missed.items) }}
        onSelect={select}
      />
      <div id="callback-panel" role="tabpanel" aria-labelledby={`callback-tab-${tab}`}>
        <div aria-live="polite">{done ? <Alert tone="success" testId="callback-done">{done}</Alert> : null}</div>
        {queues.liveInterrupted ? <Alert tone="info">{t("cb.live.lost")}</Alert> : null}
        {queues.error && !data ? (
          <Alert>
            <p>{`${t("cb.queue.loadFailed")} ${errorMessage(queues.error) ?? ""}`}</p>
            <Button variant="secondary" onClick={() => void queues.refetch().catch(() => undefined)}>
              {t("common.retry")}
            </Button>
          </Alert>
        ) : null}
        {queues.loading && !data ? <Loading /> : null}
        {page && page.items.length === 0 ? (
          <EmptyState testId="callback-empty" title={t(`cb.empty.${tab}.title`)}>
            {t(`cb.empty.${tab}.body`)}
          </EmptyState>
        ) : null}
        {data && data.missed.items.length > 0 && tab === "missed" ? <MissedCallsTable items={data.missed.items} onDone={setDone} /> : null}
        {data && tab !== "missed" && page && page.items.length > 0 ? <TaskTable items={tab === "surveys" ? data.surveys.items : data.replies.items} /> : null}
        {page && page.total > page.items.length ? <p className="queue-footnote">{t("cb.queue.showing", { shown: page.items.length, total: page.total })}</p> : null}
      </div>
    </section>
  );
}
