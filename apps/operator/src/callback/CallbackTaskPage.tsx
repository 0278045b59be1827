import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, AppLink, Button, errorCode, graphQLErrors, Kbd, Loading, navigateTo, useFieldErrors, useFormat, useHotkeys } from "@civicline/ui";
import { useEffect, useRef, useState } from "react";
import { CallbackTaskDocument, ClaimCallbackTaskDocument, RecordCallbackAttemptDocument, ReleaseCallbackTaskDocument, type CallbackTaskDetailFragment } from "../gql/graphql.ts";
import { useCallbackErrorMessage } from "./callbackErrors.ts";
import { useCallbackT } from "./messages.ts";
import { attemptInput, type OutcomeDraft } from "./outcomeForm.ts";
import { CALLBACK_KEYS, OutcomeForm } from "./OutcomeForm.tsx";
import { CALLBACK_PATH } from "./paths.ts";
import { AttemptList, ReplySummary, ScriptCard, SurveyAnswers, TicketSummary } from "./TaskSummary.tsx";
import { useNextTask } from "./useNextTask.ts";

type Saved = { message: string; proposed: boolean };

/** Says what the saved call led to: a re-report proposal, a closed ticket, a retry or unreachable. */
function useSavedMessage(): (task: CallbackTaskDetailFragment) => Saved {
  const t = useCallbackT();
  const format = useFormat();
  return (task) => {
    const last = task.attempts[task.attempts.length - 1];
    if (last && !last.reached) {
      return task.state === "UNREACHABLE"
        ? { message: t("cb.done.unreachable", { count: task.attemptCount }), proposed: false }
        : { message: t("cb.done.retry", { count: task.attemptCount, max: task.maxTries, at: task.nextAttemptAt ? format.dateTime(task.nextAttemptAt) : "—" }), proposed: false };
    }
    if (task.proposal) {
      const reasons = task.proposal.reasons.map((reason) => t(`cb.reason.${reason}`)).join(t("cb.reasonSeparator"));
      return { message: t("cb.done.proposed", { reasons }), proposed: true };
    }
    return { message: t(task.kind === "REPLY" ? "cb.done.closed" : "cb.done.survey"), proposed: false };
  };
}

/**
 * One callback: the ticket, the unit's reply, the script and the calls so far beside the outcome
 * form. Opening an open task claims it for the agent; after saving, the result is confirmed and
 * Next task (Alt+J) moves on.
 */
export function CallbackTaskPage({ id, canRecord }: { id: string; canRecord: boolean }) {
  const t = useCallbackT();
  const format = useFormat();
  const errorMessage = useCallbackErrorMessage();
  const toFieldErrors = useFieldErrors();
  const { data, loading, error, refetch } = useQuery(CallbackTaskDocument, { variables: { id }, fetchPolicy: "cache-and-network" });
  const [claim] = useMutation(ClaimCallbackTaskDocument);
  const [release, releasing] = useMutation(ReleaseCallbackTaskDocument);
  const [record, recording] = useMutation(RecordCallbackAttemptDocument, { refetchQueries: ["CallbackQueues"] });
  const [claimError, setClaimError] = useState<unknown>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const savedMessage = useSavedMessage();
  const claimed = useRef(false);
  const task = data?.callbackTask;
  const open = task?.state === "OPEN";
  const next = useNextTask(id, Boolean(task?.claimedByMe && open));

  useEffect(() => {
    if (!task || !open || !canRecord || task.claimedByMe || claimed.current) {
      return;
    }
    claimed.current = true;
    claim({ variables: { id } }).catch((caught: unknown) => {
      setClaimError(caught);
      void refetch().catch(() => undefined);
    });
  }, [task, open, canRecord, claim, id, refetch]);

  useHotkeys([{ combo: CALLBACK_KEYS.next, handler: () => void next.goNext() }], canRecord);

  const save = async (draft: OutcomeDraft) => {
    if (!task) {
      return;
    }
    setSaveError(null);
    try {
      const result = await record({ variables: { input: attemptInput(task.id, draft, task.kind) } });
      const updated = result.data?.recordCallbackAttempt;
      if (updated) {
        setSaved(savedMessage(updated));
        requestAnimationFrame(() => document.getElementById("callback-saved")?.focus());
      }
    } catch (caught) {
      setSaveError(caught);
    }
  };

  if (loading && !data) {
    return <Loading />;
  }
  if (!task) {
    return (
      <section aria-labelledby="callback-task-title">
        <h1 id="callback-task-title" tabIndex={-1}>
          {t("cb.task.loadFailed")}
        </h1>
        {error ? <Alert>{errorMessage(error)}</Alert> : null}
        <AppLink to={CALLBACK_PATH}>{t("cb.task.back")}</AppLink>
      </section>
    );
  }

  const fields = toFieldErrors(saveError);
  const serverFields = Object.fromEntries(Object.entries(fields).map(([field, message]) => [field.replace(/^(input\.)?(answers\.)?/, ""), message]));
  const formError = saveError && Object.keys(fields).length === 0 ? (errorMessage(saveError) ?? null) : null;
  const heldByOther = errorCode(claimError) === "CALLBACK/CLAIMED_BY_OTHER";
  const claimInfo = graphQLErrors(claimError)[0]?.extensions as { claimedBy?: string; claimedUntil?: string } | undefined;

  return (
    <section aria-labelledby="callback-task-title" data-testid="callback-task" data-task-state={task.state}>
      <div className="page-heading callback-task__heading">
        <h1 id="callback-task-title" tabIndex={-1}>
          {t("cb.task.title", { number: task.ticket.trackingNumber })}{" "}
          <span className="badge badge--muted">{t(`cb.kind.${task.kind}`)}</span>
        </h1>
        <AppLink to={CALLBACK_PATH} data-testid="callback-back">
          {t("cb.task.back")}
        </AppLink>
      </div>
      <p className="callback-task__due">
        {t("cb.field.due")}: <time dateTime={task.dueAt}>{format.dateTime(task.dueAt)}</time>
        {task.overdue ? <span className="badge badge--danger callback-flag">{t("cb.row.overdue")}</span> : null}
      </p>
      {open && task.claimedByMe ? (
        <p className="muted" data-testid="callback-claimed">
          {t("cb.claim.mine", { until: task.claimedUntil ? format.dateTime(task.claimedUntil) : "—" })}
        </p>
      ) : null}
      {open && heldByOther ? (
        <Alert tone="info" testId="callback-claimed-other">
          {t("cb.claim.other", { name: claimInfo?.claimedBy ?? task.claimedBy ?? "—", until: claimInfo?.claimedUntil ? format.dateTime(claimInfo.claimedUntil) : "—" })}
        </Alert>
      ) : null}
      {claimError && !heldByOther ? <Alert>{errorMessage(claimError)}</Alert> : null}
      <div className="callback-task">
        <div className="callback-task__facts">
          <TicketSummary task={task} />
          <ReplySummary task={task} />
          <AttemptList task={task} />
        </div>
        <div className="callback-task__work">
          <ScriptCard task={task} />
          <div aria-live="polite">
            {saved ? (
              <div id="callback-saved" tabIndex={-1} className="alert alert--success" role="status" data-testid="callback-saved" data-proposed={saved.proposed}>
                <p>{saved.message}</p>
              </div>
            ) : null}
          </div>
          {saved || !open ? (
            <>
              {!saved ? <Alert tone="info" testId="callback-closed">{t("cb.task.closed", { state: t(`cb.state.${task.state}`) })}</Alert> : null}
              <SurveyAnswers task={task} />
            </>
          ) : canRecord ? (
            heldByOther ? null : (
              <>
                {!task.readyToCall && task.nextAttemptAt ? <Alert tone="info">{t("cb.task.retryPending", { at: format.dateTime(task.nextAttemptAt) })}</Alert> : null}
                <OutcomeForm kind={task.kind} busy={recording.loading} error={formError} serverFields={serverFields} onSubmit={(draft) => void save(draft)} />
              </>
            )
          ) : (
            <p className="muted">{t("cb.task.readOnly")}</p>
          )}
          {canRecord ? (
            <div className="action-form__buttons callback-task__next">
              <Button variant={saved || !open ? "primary" : "secondary"} busy={next.busy} onClick={() => void next.goNext()} data-testid="callback-next" aria-keyshortcuts="Alt+J">
                {t("cb.next")} <Kbd combo={CALLBACK_KEYS.next} />
              </Button>
              {open && task.claimedByMe && !saved ? (
                <Button
                  variant="ghost"
                  busy={releasing.loading}
                  onClick={() => void release({ variables: { id } }).then(() => navigateTo(CALLBACK_PATH)).catch((caught: unknown) => setClaimError(caught))}
                  data-testid="callback-release"
                >
                  {t("cb.task.release")}
                </Button>
              ) : null}
            </div>
          ) : null}
          {next.none ? (
            <p className="muted" role="status" data-testid="callback-next-none">
              {t("cb.next.none")}
            </p>
          ) : null}
        </div>
      </div>
    </section>
  );
}
