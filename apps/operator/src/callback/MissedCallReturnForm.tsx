import { useMutation } from "@apollo/client/react";
import { Alert, Button, Field, RadioGroup, TextArea, TextInput, useFieldErrors, useFormat } from "@civicline/ui";
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { RecordMissedCallReturnDocument, type MissedCallRowFragment } from "../gql/graphql.ts";
import { useCallbackErrorMessage } from "./callbackErrors.ts";
import { useCallbackT } from "./messages.ts";

const NOTE_MAX_CHARS = 1000;

/** A return call: reached (note, the ticket logged during the call) or not reached (note). */
export function MissedCallReturnForm({ call, onDone, onCancel }: { call: MissedCallRowFragment; onDone: (message: string) => void; onCancel: () => void }) {
  const t = useCallbackT();
  const format = useFormat();
  const errorMessage = useCallbackErrorMessage();
  const toFieldErrors = useFieldErrors();
  const titleId = useId();
  const ref = useRef<HTMLFormElement>(null);
  const [reached, setReached] = useState<"yes" | "no" | "">("");
  const [note, setNote] = useState("");
  const [ticketNumber, setTicketNumber] = useState("");
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [record, { loading }] = useMutation(RecordMissedCallReturnDocument, { refetchQueries: ["CallbackQueues"] });

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>("input")?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) {
      return;
    }
    if (reached === "") {
      setMissing(true);
      return;
    }
    setMissing(false);
    setError(null);
    const input = {
      id: call.id,
      reached: reached === "yes",
      note: note.trim() || null,
      ticketTrackingNumber: reached === "yes" && ticketNumber.trim() ? ticketNumber.trim() : null,
    };
    try {
      const { data } = await record({ variables: { input } });
      const result = data?.recordMissedCallReturn;
      const number = call.callerNumber;
      if (!result || result.state === "RETURNED") {
        onDone(t("cb.mc.done.returned", { number }));
      } else if (result.state === "UNREACHABLE") {
        onDone(t("cb.mc.done.unreachable", { number, count: result.attemptCount }));
      } else {
        onDone(t("cb.mc.done.retry", { number, at: result.nextAttemptAt ? format.dateTime(result.nextAttemptAt) : "—" }));
      }
    } catch (caught) {
      setError(caught);
    }
  };
  const fields = toFieldErrors(error);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    }
  };
  return (
    <form ref={ref} className="action-form callback-missed-form" aria-labelledby={titleId} onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown} noValidate data-testid="missed-form">
      <h3 id={titleId} className="action-form__title">
        {t("cb.mc.formTitle", { number: call.callerNumber })}
      </h3>
      <RadioGroup
        name={`missed-reached-${call.id}`}
        legend={t("cb.mc.outcome")}
        value={reached}
        inline
        options={[
          { value: "yes", label: t("cb.attempt.reached") },
          { value: "no", label: t("cb.attempt.notReached") },
        ]}
        onChange={(value) => setReached(value === "yes" ? "yes" : "no")}
        error={missing ? t("cb.form.choose") : undefined}
        testId="missed-reached"
      />
      <Field label={t("cb.mc.note")} optional error={fields.note ?? fields["input.note"]}>
        <TextArea value={note} maxChars={NOTE_MAX_CHARS} rows={2} onChange={(event) => setNote(event.target.value)} data-testid="missed-note" />
      </Field>
      {reached === "yes" ? (
        <Field label={t("cb.mc.ticket")} hint={t("cb.mc.ticketHint")} optional error={fields.ticketTrackingNumber ?? fields["input.ticketTrackingNumber"]}>
          <TextInput value={ticketNumber} onChange={(event) => setTicketNumber(event.target.value)} className="mono" data-testid="missed-ticket" />
        </Field>
      ) : null}
      {error && Object.keys(fields).length === 0 ? <Alert>{errorMessage(error)}</Alert> : null}
      <div className="action-form__buttons">
        <Button type="submit" busy={loading} data-testid="missed-save">
          {t("cb.mc.save")}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t("cb.mc.cancel")}
        </Button>
      </div>
    </form>
  );
}
