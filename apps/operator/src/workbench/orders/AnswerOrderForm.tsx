import { useMutation } from "@apollo/client/react";
import { Alert, Button, Field, TextArea, TextInput, useFieldErrors } from "@civicline/ui";
import { useId, useState, type FormEvent } from "react";
import { AnswerSupervisionOrderDocument } from "../../gql/graphql.ts";
import { useUnitOrderErrorMessage, useUnitOrderT } from "./messages.ts";

const TEXT_MAX = 2000;

/** The end of a working day in Zibo (17:30 Beijing time) on the chosen date. */
function endOfWorkingDay(date: string): string {
  return new Date(`${date}T17:30:00+08:00`).toISOString();
}

/** The unit's answer to one order: what was done and the date it will be finished. */
export function AnswerOrderForm({ orderId, trackingNumber, onAnswered, onCancel }: { orderId: string; trackingNumber: string; onAnswered: () => void; onCancel: () => void }) {
  const t = useUnitOrderT();
  const errorMessage = useUnitOrderErrorMessage();
  const titleId = useId();
  const [text, setText] = useState("");
  const [date, setDate] = useState("");
  const [missingDate, setMissingDate] = useState(false);
  const [answer, state] = useMutation(AnswerSupervisionOrderDocument);
  const fields = useFieldErrors()(state.error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!date) {
      setMissingDate(true);
      return;
    }
    setMissingDate(false);
    const result = await answer({ variables: { orderId, text, expectedDoneAt: endOfWorkingDay(date) } }).catch(() => null);
    if (result?.data) {
      onAnswered();
    }
  };
  const fieldProblem = fields.text ?? fields.expectedDoneAt;
  return (
    <form className="unit-order__answer" aria-labelledby={titleId} onSubmit={(event) => void submit(event)} data-testid="order-answer-form">
      <h3 id={titleId}>{t("uo.answer.title", { trackingNumber })}</h3>
      <Field label={t("uo.answer.text")} hint={t("uo.answer.textHint")} error={fields.text}>
        <TextArea value={text} maxChars={TEXT_MAX} rows={3} onChange={(event) => setText(event.target.value)} data-testid="order-answer-text" required autoFocus />
      </Field>
      <Field label={t("uo.answer.done")} error={missingDate ? t("uo.answer.needDate") : fields.expectedDoneAt}>
        <TextInput type="date" value={date} onChange={(event) => setDate(event.target.value)} data-testid="order-answer-date" aria-required="true" />
      </Field>
      <div aria-live="polite">{state.error && !fieldProblem ? <Alert testId="order-answer-error">{errorMessage(state.error)}</Alert> : null}</div>
      <div className="unit-order__buttons">
        <Button type="submit" busy={state.loading} data-testid="order-answer-submit">
          {t("uo.answer.submit")}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t("uo.answer.cancel")}
        </Button>
      </div>
    </form>
  );
}
