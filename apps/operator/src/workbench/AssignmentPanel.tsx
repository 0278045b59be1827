import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, HistoryTimeline, Loading, TicketPageLink, useRoutingErrorMessage } from "@civicline/ui";
import { useEffect, useRef, useState } from "react";
import { SignForDocument, WorkbenchAssignmentDocument } from "../gql/graphql.ts";
import { ExtensionForm } from "./actions/ExtensionForm.tsx";
import { AssistForm } from "./actions/AssistForm.tsx";
import { NoteForm } from "./actions/NoteForm.tsx";
import { ReplyForm } from "./actions/ReplyForm.tsx";
import { ReturnForm } from "./actions/ReturnForm.tsx";
import { ACTION_REFETCH } from "./actions/useActionRunner.ts";
import { DeadlineFacts, TicketFacts, UnitFacts } from "./AssignmentFacts.tsx";
import { availableActions, type WorkbenchAction } from "./inbox.ts";
import { LeaderInstructions } from "./instructions/LeaderInstructions.tsx";
import { useWorkbenchT } from "./messages.ts";
import { ProgressTimeline } from "./ProgressTimeline.tsx";

type FormAction = Exclude<WorkbenchAction, "signFor">;

const ACTION_BUTTONS: ReadonlyArray<{ action: FormAction; label: "act.reply" | "act.note" | "act.assist" | "act.extension" | "act.return"; testId: string }> = [
  { action: "reply", label: "act.reply", testId: "reply-ticket" },
  { action: "assist", label: "act.assist", testId: "assist-input" },
  { action: "note", label: "act.note", testId: "add-note" },
  { action: "extension", label: "act.extension", testId: "request-extension" },
  { action: "return", label: "act.return", testId: "return-ticket" },
];

/** One assignment (render it with `key={ticketId}`): the request, deadlines, units, progress, and what the viewer's unit can do now. */
export function AssignmentPanel({ ticketId, unitId, onClose }: { ticketId: string; unitId: string | null; onClose: () => void }) {
  const t = useWorkbenchT();
  const errorMessage = useRoutingErrorMessage();
  const { data, loading, error } = useQuery(WorkbenchAssignmentDocument, { variables: { ticketId }, fetchPolicy: "cache-and-network" });
  const [signFor, signing] = useMutation(SignForDocument, { refetchQueries: ACTION_REFETCH });
  const [open, setOpen] = useState<FormAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const assignment = data?.assignment;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !event.defaultPrevented) {
        onClose();
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [onClose]);

  // The page keys the panel by ticket, so its state starts fresh for each ticket.
  const loaded = Boolean(assignment);
  useEffect(() => {
    if (loaded) {
      headingRef.current?.focus();
    }
  }, [loaded]);

  const finish = (message: string) => {
    setOpen(null);
    setActionError(null);
    setDone(message);
    headingRef.current?.focus();
  };
  const sign = async () => {
    setDone(null);
    setActionError(null);
    try {
      await signFor({ variables: { ticketId } });
      finish(t("wb.done.signFor"));
    } catch (caught) {
      setActionError(errorMessage(caught) ?? null);
    }
  };

  const actions = assignment ? availableActions(assignment, unitId) : [];
  const returnPending = assignment?.state === "RETURN_REQUESTED";
  const formProps = { ticketId, onDone: finish, onCancel: () => setOpen(null) };
  const assistPending = assignment?.assists.some((assist) => !assist.text) ?? false;
  return (
    <aside className="detail-panel card" role="region" aria-labelledby="assignment-title" data-testid="assignment-detail">
      <div className="detail-panel__header">
        <h2 id="assignment-title" ref={headingRef} tabIndex={-1}>
          {t("wb.detail.title", { number: assignment?.ticket.trackingNumber ?? "" })}
        </h2>
        <Button variant="ghost" onClick={onClose} aria-label={t("wb.detail.close")} data-testid="assignment-close">
          ✕
        </Button>
      </div>
      {loading && !assignment ? <Loading /> : null}
      {error && !assignment ? <Alert>{`${t("wb.detail.loadFailed")} ${errorMessage(error) ?? ""}`}</Alert> : null}
      {assignment ? (
        <>
          <TicketPageLink trackingNumber={assignment.ticket.trackingNumber} />
          <LeaderInstructions ticketId={ticketId} />
          {done ? (
            <Alert tone="success" testId="action-done">
              {done}
            </Alert>
          ) : null}
          {actionError ? <Alert>{actionError}</Alert> : null}
          {returnPending ? <Alert tone="info">{t("wb.return.pending")}</Alert> : null}
          {actions.length > 0 ? (
            <section aria-labelledby="wb-actions-heading" className="workbench-actions">
              <h3 id="wb-actions-heading" className="visually-hidden">
                {t("wb.detail.actions")}
              </h3>
              <div className="action-bar" role="group" aria-labelledby="wb-actions-heading">
                {actions.includes("signFor") ? (
                  <Button busy={signing.loading} onClick={() => void sign()} data-testid="sign-for">
                    {t("act.signFor")}
                  </Button>
                ) : null}
                {ACTION_BUTTONS.filter((button) => actions.includes(button.action)).map((button) => (
                  <Button
                    key={button.action}
                    variant={button.action === "reply" ? "primary" : "secondary"}
                    aria-expanded={open === button.action}
                    onClick={() => setOpen(open === button.action ? null : button.action)}
                    data-testid={button.testId}
                  >
                    {t(button.label)}
                  </Button>
                ))}
              </div>
              {open === "reply" ? <ReplyForm {...formProps} assistPending={assistPending} /> : null}
              {open === "assist" ? <AssistForm {...formProps} /> : null}
              {open === "note" ? <NoteForm {...formProps} /> : null}
              {open === "extension" ? <ExtensionForm {...formProps} /> : null}
              {open === "return" ? <ReturnForm {...formProps} trackingNumber={assignment.ticket.trackingNumber} /> : null}
            </section>
          ) : null}
          <DeadlineFacts assignment={assignment} />
          <TicketFacts assignment={assignment} unitId={unitId} />
          <UnitFacts assignment={assignment} />
          <h3>{t("wb.detail.progress")}</h3>
          <ProgressTimeline assignment={assignment} />
          <h3>{t("wb.detail.history")}</h3>
          <HistoryTimeline label={t("wb.detail.history")} entries={assignment.ticket.history} />
        </>
      ) : null}
    </aside>
  );
}
