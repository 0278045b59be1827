import { useMutation } from "@apollo/client/react";
import { Alert, Button, Field, TextArea, useFormat } from "@civicline/ui";
import { useState } from "react";
import { DecideReturnDocument } from "../gql/graphql.ts";
import { useActionRunner } from "../workbench/actions/useActionRunner.ts";
import { DISPATCH_REFETCH, useUnitChoice } from "./DispatchForm.tsx";
import { useDispatchT } from "./messages.ts";
import type { QueueItem } from "./queue.ts";
import { AssistingUnitsPicker, LeadUnitPicker, type UnitDirectory } from "./UnitPicker.tsx";

const NOTE_MAX_CHARS = 1000;

type Props = { item: QueueItem & { pendingReturn: NonNullable<QueueItem["pendingReturn"]> }; directory: UnitDirectory; onDone: (message: string) => void };

/**
 * A unit's return (退单) to decide: accept it and re-dispatch to another unit, or reject it with a
 * note (the unit keeps the ticket).
 */
export function ReturnDecision({ item, directory, onDone }: Props) {
  const t = useDispatchT();
  const format = useFormat();
  const returned = item.pendingReturn;
  const choice = useUnitChoice(item, [returned.unit.id]);
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<"lead" | "note" | null>(null);
  const runner = useActionRunner();
  const [decideReturn] = useMutation(DecideReturnDocument, { refetchQueries: DISPATCH_REFETCH });
  const ticketId = item.ticket.id;
  const number = item.ticket.trackingNumber;

  const accept = async () => {
    if (!choice.lead) {
      setProblem("lead");
      return;
    }
    setProblem(null);
    const redispatch = { ticketId, version: item.ticket.version, leadUnitId: choice.lead, assistingUnitIds: choice.assisting, note: note.trim() || null };
    if (await runner.run(() => decideReturn({ variables: { ticketId, accept: true, note: note.trim() || null, redispatch } }))) {
      onDone(t("dq.return.accepted", { number, unit: directory.name(choice.lead) }));
    }
  };
  const reject = async () => {
    if (!note.trim()) {
      setProblem("note");
      return;
    }
    setProblem(null);
    if (await runner.run(() => decideReturn({ variables: { ticketId, accept: false, note: note.trim(), redispatch: null } }))) {
      onDone(t("dq.return.rejected", { number, unit: format.name(returned.unit) }));
    }
  };

  return (
    <div className="return-decision" data-testid="return-decision">
      <h3>{t("dq.return.title")}</h3>
      <p>{t("dq.return.by", { unit: format.name(returned.unit), at: format.dateTime(returned.at) })}</p>
      <dl className="details">
        <dt>{t("dq.return.reason")}</dt>
        <dd data-testid="return-reason-shown">{t(`rt.ReturnReason.${returned.reason}`)}</dd>
        <dt>{t("dq.return.text")}</dt>
        <dd className="detail-panel__description">{returned.text}</dd>
      </dl>
      <section className="action-form" aria-labelledby="return-accept-title">
        <h4 id="return-accept-title">{t("dq.return.accept.title")}</h4>
        <LeadUnitPicker
          directory={directory}
          value={choice.lead}
          onChange={choice.setLead}
          exclude={[returned.unit.id]}
          error={problem === "lead" ? t("dq.return.sameUnit") : runner.fieldError("leadUnitId")}
        />
        <AssistingUnitsPicker directory={directory} values={choice.assisting} onChange={choice.setAssisting} exclude={[returned.unit.id, choice.lead]} />
      </section>
      <Field label={t("dq.return.note")} hint={t("dq.return.reject.hint")} error={problem === "note" ? t("common.required") : runner.fieldError("note")}>
        <TextArea value={note} maxChars={NOTE_MAX_CHARS} rows={2} onChange={(event) => setNote(event.target.value)} data-testid="return-note" />
      </Field>
      {runner.error ? <Alert>{runner.error}</Alert> : null}
      <div className="action-form__buttons">
        <Button busy={runner.busy} onClick={() => void accept()} data-testid="return-accept">
          {choice.lead ? t("dq.dispatchTo", { unit: directory.name(choice.lead) }) : t("dq.return.accept")}
        </Button>
        <Button variant="secondary" busy={runner.busy} onClick={() => void reject()} data-testid="return-reject">
          {t("dq.return.reject")}
        </Button>
      </div>
    </div>
  );
}
