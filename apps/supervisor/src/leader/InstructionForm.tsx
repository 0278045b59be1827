import { useMutation } from "@apollo/client/react";
import { Alert, Button, Field, TextArea } from "@civicline/ui";
import { useId, useState, type FormEvent } from "react";
import { AddLeaderInstructionDocument } from "../gql/graphql.ts";
import { useLeaderErrors, useLeaderT } from "./messages.ts";

const MAX = 1000;

/** The leader's instruction (批示) on one ticket: sent to the unit handling it. */
export function InstructionForm({ ticketId, trackingNumber, onDone, onCancel }: { ticketId: string; trackingNumber: string; onDone: (message: string) => void; onCancel: () => void }) {
  const t = useLeaderT();
  const errors = useLeaderErrors();
  const id = useId();
  const [text, setText] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [send, sending] = useMutation(AddLeaderInstructionDocument, { refetchQueries: ["LeaderPage"] });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await send({ variables: { ticketId, text } });
      onDone(t("ld.instruct.done", { number: trackingNumber }));
    } catch (caught) {
      setError(caught);
    }
  };
  const fieldError = error ? errors.fields(error).text : undefined;
  return (
    <form className="leader-instruction-form" onSubmit={(event) => void submit(event)} aria-label={t("ld.instruct.openFor", { number: trackingNumber })} data-testid="instruction-form">
      {error && !fieldError ? <Alert>{errors.message(error)}</Alert> : null}
      <Field label={t("ld.instruct.label", { number: trackingNumber })} hint={t("ld.instruct.hint")} error={fieldError} id={`instruction-${id}`}>
        <TextArea value={text} maxChars={MAX} rows={3} onChange={(event) => setText(event.target.value)} data-testid="instruction-text" autoFocus />
      </Field>
      <div className="button-row">
        <Button type="submit" busy={sending.loading} data-testid="instruction-submit">
          {t("ld.instruct.submit")}
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel}>
          {t("ld.instruct.cancel")}
        </Button>
      </div>
    </form>
  );
}
