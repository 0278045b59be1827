import { useMutation } from "@apollo/client/react";
import { Alert, Button, Field, Select, TextArea } from "@civicline/ui";
import { useEffect, useRef, useState } from "react";
import { ReturnTicketDocument, type ReturnReason } from "../../gql/graphql.ts";
import { useWorkbenchT } from "../messages.ts";
import { ActionForm } from "./ActionForm.tsx";
import type { ActionProps } from "./NoteForm.tsx";
import { ACTION_REFETCH, useActionRunner } from "./useActionRunner.ts";

export const RETURN_REASONS: readonly ReturnReason[] = ["NOT_OUR_JURISDICTION", "WRONG_LOCATION", "INSUFFICIENT_INFORMATION", "DUPLICATE", "OTHER"];
const RETURN_MAX_CHARS = 1000;

function isReason(value: string): value is ReturnReason {
  return (RETURN_REASONS as readonly string[]).includes(value);
}

/**
 * Returns the ticket to the dispatcher (退单) in two steps: reason and explanation, then a
 * confirmation that says what happens next. The confirm button takes focus; Cancel goes back.
 */
export function ReturnForm({ ticketId, trackingNumber, onDone, onCancel }: ActionProps & { trackingNumber: string }) {
  const t = useWorkbenchT();
  const [reason, setReason] = useState<ReturnReason | "">("");
  const [text, setText] = useState("");
  const [problems, setProblems] = useState<{ reason?: boolean; text?: boolean }>({});
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const runner = useActionRunner();
  const [returnTicket] = useMutation(ReturnTicketDocument, { refetchQueries: ACTION_REFETCH });

  useEffect(() => {
    if (confirming) {
      confirmRef.current?.focus();
    }
  }, [confirming]);

  const review = () => {
    setProblems({ reason: reason === "", text: !text.trim() });
    if (reason !== "" && text.trim()) {
      setConfirming(true);
    }
  };
  const confirm = async () => {
    if (reason === "") {
      return;
    }
    if (await runner.run(() => returnTicket({ variables: { ticketId, reason, text: text.trim() } }))) {
      onDone(t("wb.done.return"));
    } else {
      setConfirming(false);
    }
  };

  return (
    <ActionForm title={t("act.return")} submitLabel={t("act.return.submit")} busy={runner.busy} error={runner.error} onSubmit={review} onCancel={onCancel} testId="return-form" submitTestId="return-submit">
      <Field label={t("act.return.reason")} error={problems.reason ? t("common.required") : runner.fieldError("reason")}>
        <Select
          value={reason}
          disabled={confirming}
          options={RETURN_REASONS.map((value) => ({ value, label: t(`rt.ReturnReason.${value}`) }))}
          onChange={(event) => setReason(isReason(event.target.value) ? event.target.value : "")}
          data-testid="return-reason"
        />
      </Field>
      <Field label={t("act.return.text")} hint={t("act.return.textHint")} error={problems.text ? t("common.required") : runner.fieldError("text")}>
        <TextArea value={text} readOnly={confirming} maxChars={RETURN_MAX_CHARS} rows={3} onChange={(event) => setText(event.target.value)} data-testid="return-text" />
      </Field>
      {confirming && reason !== "" ? (
        <div className="confirm-box" role="alertdialog" aria-labelledby="return-confirm-title" aria-describedby="return-confirm-body" data-testid="return-confirm-box">
          <Alert tone="info">
            <p id="return-confirm-title">
              <strong>{t("act.return.confirmTitle", { number: trackingNumber })}</strong>
            </p>
            <p id="return-confirm-body">{t("act.return.confirmBody", { reason: t(`rt.ReturnReason.${reason}`) })}</p>
          </Alert>
          <div className="action-form__buttons">
            <Button ref={confirmRef} busy={runner.busy} onClick={() => void confirm()} data-testid="return-confirm">
              {t("act.return.confirm")}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)} data-testid="return-confirm-cancel">
              {t("act.cancel")}
            </Button>
          </div>
        </div>
      ) : null}
    </ActionForm>
  );
}
