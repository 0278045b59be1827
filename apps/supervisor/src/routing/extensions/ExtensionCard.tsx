import { useMutation } from "@apollo/client/react";
import { Alert, Button, DeadlineCountdown, Field, formatWorkingDays, TextArea, useFieldErrors, useFormat, useRoutingErrorMessage } from "@civicline/ui";
import { useState } from "react";
import { DecideExtensionDocument, type ExtensionAssignmentFragment } from "../../gql/graphql.ts";
import { useSupervisorRoutingT } from "../messages.ts";

const NOTE_MAX_CHARS = 1000;

type Props = { assignment: ExtensionAssignmentFragment & { extension: NonNullable<ExtensionAssignmentFragment["extension"]> }; onDecided: (message: string) => void };

/**
 * One pending request: the ticket, the unit, its reason, the current deadline and what approval would
 * add; approve (note optional) or refuse (note required).
 */
export function ExtensionCard({ assignment, onDecided }: Props) {
  const t = useSupervisorRoutingT();
  const format = useFormat();
  const errorMessage = useRoutingErrorMessage();
  const toFieldErrors = useFieldErrors();
  const { ticket, extension, deadlines } = assignment;
  const [note, setNote] = useState("");
  const [noteMissing, setNoteMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [decide, { loading }] = useMutation(DecideExtensionDocument, { refetchQueries: ["PendingExtensions"] });
  const titleId = `extension-${ticket.id}-title`;

  const submit = async (approve: boolean) => {
    if (!approve && !note.trim()) {
      setNoteMissing(true);
      return;
    }
    setNoteMissing(false);
    setError(null);
    try {
      const { data } = await decide({ variables: { ticketId: ticket.id, approve, note: note.trim() || null } });
      const newDue = approve ? data?.decideExtension.deadlines.completionDueAt : null;
      const message = t(approve ? "sr.ext.approved" : "sr.ext.refused", { number: ticket.trackingNumber });
      onDecided(newDue ? `${message} ${t("sr.ext.newDeadline", { at: format.dateTime(newDue) })}` : message);
    } catch (caught) {
      setError(caught);
    }
  };
  const noteError = noteMissing ? t("common.required") : toFieldErrors(error).note;

  return (
    <li className="card extension-card" aria-labelledby={titleId} data-testid="extension-request" data-ticket-id={ticket.id}>
      <h2 id={titleId} className="extension-card__title">
        <span className="mono">{ticket.trackingNumber}</span> · {ticket.title || format.name(ticket.category)}
      </h2>
      <dl className="details">
        <dt>{t("sr.ext.unit")}</dt>
        <dd>{format.name(assignment.leadUnit)}</dd>
        <dt>{t("sr.ext.category")}</dt>
        <dd>
          {format.requestType(ticket.requestType)} · {format.name(ticket.category)} · {format.name(ticket.district)}
        </dd>
        <dt>{t("sr.ext.requestedAt")}</dt>
        <dd>
          <time dateTime={extension.requestedAt}>{format.dateTime(extension.requestedAt)}</time> · {extension.requestedBy}
        </dd>
        <dt>{t("sr.ext.reason")}</dt>
        <dd className="extension-card__reason">{extension.reason}</dd>
        <dt>{t("sr.ext.current")}</dt>
        <dd>
          {deadlines.completionDueAt ? (
            <time dateTime={deadlines.completionDueAt} data-testid="extension-current-deadline">
              {format.dateTime(deadlines.completionDueAt)}
            </time>
          ) : (
            "—"
          )}{" "}
          <DeadlineCountdown dueAt={deadlines.completionDueAt} state={deadlines.state} workingMinutesLeft={deadlines.workingMinutesLeft} />
        </dd>
        <dt>{t("sr.ext.proposed")}</dt>
        <dd data-testid="extension-proposed">{t("sr.ext.proposedValue", { length: formatWorkingDays(extension.workingDays, t) })}</dd>
      </dl>
      <Field label={t("sr.ext.note")} hint={t("sr.ext.noteHint")} optional error={noteError}>
        <TextArea value={note} maxChars={NOTE_MAX_CHARS} rows={2} onChange={(event) => setNote(event.target.value)} data-testid="extension-note" />
      </Field>
      {error && !toFieldErrors(error).note ? <Alert>{errorMessage(error)}</Alert> : null}
      <div className="button-row">
        <Button busy={loading} onClick={() => void submit(true)} data-testid="extension-approve">
          {t("sr.ext.approve")}
        </Button>
        <Button variant="secondary" busy={loading} onClick={() => void submit(false)} data-testid="extension-refuse">
          {t("sr.ext.refuse")}
        </Button>
      </div>
    </li>
  );
}
