import { useMutation } from "@apollo/client/react";
import { Alert, AppLink, Button, characterCount, Field, Kbd, StatusBadge, TextArea, useErrorMessage, useFieldErrors, useFormat } from "@civicline/ui";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { RecordFollowUpDocument, type CallerTicketFragment } from "../gql/graphql.ts";
import { useOperatorT } from "../messages.ts";
import { excerpt } from "../queue/QueueTable.tsx";

const FOLLOW_UP_MAX = 2000;

/**
 * A caller asks about an existing request (催办): the ticket at a glance (its page one link away)
 * and the caller's words, recorded on it for the lead unit — no new ticket. Ctrl+Enter records,
 * Escape closes.
 */
export function FollowUpPanel({ ticket, callId, onClose }: { ticket: CallerTicketFragment; callId: string | null; onClose: () => void }) {
  const t = useOperatorT();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const toFieldErrors = useFieldErrors();
  const titleId = useId();
  const textRef = useRef<HTMLDivElement>(null);
  const [words, setWords] = useState("");
  const [missing, setMissing] = useState(false);
  const [record, { data, loading, error, reset }] = useMutation(RecordFollowUpDocument);
  useEffect(() => {
    textRef.current?.querySelector("textarea")?.focus();
  }, [ticket.id]);

  const submit = async () => {
    if (!words.trim()) {
      setMissing(true);
      return;
    }
    if (characterCount(words.trim()) > FOLLOW_UP_MAX) {
      return;
    }
    try {
      await record({ variables: { ticketId: ticket.id, words: words.trim(), callId } });
    } catch {
      // Shown from `error`.
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.stopPropagation();
      void submit();
    }
  };
  const done = data?.recordFollowUp;
  const fieldError = error ? toFieldErrors(error).words : undefined;
  return (
    <section className="call-side card follow-up" aria-labelledby={titleId} data-testid="follow-up" onKeyDown={onKeyDown}>
      <h2 id={titleId}>{t("followUp.title", { number: ticket.trackingNumber })}</h2>
      <p>
        <StatusBadge status={ticket.status} /> {format.name(ticket.category)} · <time dateTime={ticket.receivedAt}>{format.date(ticket.receivedAt)}</time>
      </p>
      <p className="follow-up__description">{excerpt(ticket.description, 160)}</p>
      <p>
        <AppLink to={`tickets/${ticket.trackingNumber}`} data-testid="follow-up-open-ticket">
          {t("followUp.openTicket")}
        </AppLink>
      </p>
      {done ? (
        <Alert tone="success" testId="follow-up-recorded">
          {done.assignment
            ? t("followUp.recorded", { unit: format.name(done.assignment.leadUnit), count: done.assignment.followUpCount })
            : t("followUp.recordedAtCentre")}
        </Alert>
      ) : (
        <>
          <div ref={textRef}>
            <Field id="follow-up-words" label={t("followUp.words")} hint={t("followUp.words.hint")} error={missing ? t("common.required") : fieldError}>
              <TextArea
                rows={3}
                maxChars={FOLLOW_UP_MAX}
                value={words}
                data-testid="follow-up-words"
                onChange={(event) => {
                  setWords(event.target.value);
                  setMissing(false);
                  reset();
                }}
              />
            </Field>
          </div>
          {error && !fieldError ? <Alert>{errorMessage(error)}</Alert> : null}
          <div className="button-row">
            <Button busy={loading} onClick={() => void submit()} data-testid="follow-up-submit">
              {t("followUp.submit")} <Kbd combo="mod+enter" />
            </Button>
            <Button variant="ghost" onClick={onClose}>
              {t("followUp.close")}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
