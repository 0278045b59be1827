import { useMutation } from "@apollo/client/react";
import { Alert, Button, Field, Select, TextArea, TextInput } from "@civicline/ui";
import { useState } from "react";
import { CloseSupervisionOrderDocument, EscalateSupervisionOrderDocument, SendBackSupervisionOrderDocument, type SupervisionOrderFieldsFragment } from "../gql/graphql.ts";
import { ANSWER_TIMES, useOrderErrorMessage, useOrderT } from "./messages.ts";

/** The supervisor's actions on an order: escalate (open or answered), close as satisfied or send back (answered). */
export function OrderActions({ order, onDone }: { order: SupervisionOrderFieldsFragment; onDone: () => void }) {
  const t = useOrderT();
  const errorMessage = useOrderErrorMessage();
  const [note, setNote] = useState("");
  const [reason, setReason] = useState("");
  const [within, setWithin] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const [escalate, escalating] = useMutation(EscalateSupervisionOrderDocument);
  const [close, closing] = useMutation(CloseSupervisionOrderDocument);
  const [sendBack, sending] = useMutation(SendBackSupervisionOrderDocument);
  const error = escalating.error ?? closing.error ?? sending.error;

  if (order.state === "CLOSED") {
    return <p data-testid="order-closed-note">{t("so.action.closed")}</p>;
  }
  const run = async (action: () => Promise<unknown>, message: string) => {
    setDone(null);
    const result = await action().catch(() => null);
    if (result) {
      setNote("");
      setReason("");
      setDone(message);
      onDone();
    }
  };
  const answered = order.state === "ANSWERED";
  return (
    <section className="order-actions" aria-labelledby="order-actions-title" data-testid="order-actions">
      <h2 id="order-actions-title">{t("so.action.title")}</h2>
      <Field label={t("so.action.note")} optional>
        <TextInput value={note} maxLength={1000} onChange={(event) => setNote(event.target.value)} data-testid="order-action-note" />
      </Field>
      <div className="order-actions__row">
        {order.level !== "LISTED" ? (
          <Button variant="secondary" busy={escalating.loading} data-testid="order-escalate" onClick={() => void run(() => escalate({ variables: { orderId: order.id, note: note || null } }), t("so.action.done.escalated"))}>
            {t("so.action.escalate")}
          </Button>
        ) : null}
        {answered ? (
          <Button busy={closing.loading} data-testid="order-close" onClick={() => void run(() => close({ variables: { orderId: order.id, note: note || null } }), t("so.action.done.closed"))}>
            {t("so.action.close")}
          </Button>
        ) : null}
      </div>
      {answered ? (
        <div className="order-actions__sendback">
          <Field label={t("so.action.sendBackReason")}>
            <TextArea value={reason} maxChars={1000} rows={2} onChange={(event) => setReason(event.target.value)} data-testid="order-sendback-reason" />
          </Field>
          <Field label={t("so.action.within")} optional>
            <Select value={within} placeholder={t("so.issue.within.default")} options={ANSWER_TIMES.map((minutes) => ({ value: String(minutes), label: t(`so.within.${minutes}`) }))} onChange={(event) => setWithin(event.target.value)} />
          </Field>
          <Button
            variant="secondary"
            busy={sending.loading}
            data-testid="order-sendback"
            onClick={() => void run(() => sendBack({ variables: { orderId: order.id, reason, responseWorkingMinutes: within ? Number(within) : null } }), t("so.action.done.sentBack"))}
          >
            {t("so.action.sendBack")}
          </Button>
        </div>
      ) : (
        <p className="hint">{t("so.action.closeNeedsAnswer")}</p>
      )}
      <div aria-live="polite">
        {error && !done ? <Alert testId="order-action-error">{errorMessage(error)}</Alert> : null}
        {done ? (
          <Alert tone="success" testId="order-action-done">
            {done}
          </Alert>
        ) : null}
      </div>
    </section>
  );
}
