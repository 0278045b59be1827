import { useMutation } from "@apollo/client/react";
import { Alert, Button, Field, TextArea } from "@civicline/ui";
import { useState, type FormEvent } from "react";
import { DispatchTicketDocument } from "../gql/graphql.ts";
import { useActionRunner } from "../workbench/actions/useActionRunner.ts";
import { useDispatchT } from "./messages.ts";
import type { QueueItem } from "./queue.ts";
import { AssistingUnitsPicker, LeadUnitPicker, type UnitDirectory } from "./UnitPicker.tsx";

export const DISPATCH_REFETCH = ["DispatchQueue"];
const NOTE_MAX_CHARS = 1000;

/** The units a ticket goes to, starting from routing's proposal. */
export function useUnitChoice(item: QueueItem, exclude: readonly string[] = []) {
  const proposed = item.proposal.leadUnit?.id ?? "";
  const [lead, setLead] = useState(exclude.includes(proposed) ? "" : proposed);
  const [assisting, setAssisting] = useState<string[]>(() =>
    item.proposal.assistingUnits.map((unit) => unit.id).filter((id) => id !== proposed && !exclude.includes(id)),
  );
  return { lead, setLead, assisting: assisting.filter((id) => id !== lead), setAssisting };
}

/** Dispatches one ticket to a chosen lead unit (routing's proposal preselected) and assisting units. */
export function DispatchForm({ item, directory, onDone }: { item: QueueItem; directory: UnitDirectory; onDone: (message: string) => void }) {
  const t = useDispatchT();
  const choice = useUnitChoice(item);
  const [note, setNote] = useState("");
  const [leadMissing, setLeadMissing] = useState(false);
  const runner = useActionRunner();
  const [dispatchTicket] = useMutation(DispatchTicketDocument, { refetchQueries: DISPATCH_REFETCH });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!choice.lead) {
      setLeadMissing(true);
      return;
    }
    const input = {
      ticketId: item.ticket.id,
      version: item.ticket.version,
      leadUnitId: choice.lead,
      assistingUnitIds: choice.assisting,
      note: note.trim() || null,
    };
    if (await runner.run(() => dispatchTicket({ variables: { input } }))) {
      onDone(t("dq.dispatched", { number: item.ticket.trackingNumber, unit: directory.name(choice.lead) }));
    }
  };
  return (
    <form className="action-form" onSubmit={(event) => void submit(event)} data-testid="dispatch-form" noValidate>
      <LeadUnitPicker
        directory={directory}
        value={choice.lead}
        onChange={(id) => {
          setLeadMissing(false);
          choice.setLead(id);
        }}
        error={leadMissing ? t("dq.form.leadRequired") : runner.fieldError("leadUnitId")}
      />
      <AssistingUnitsPicker directory={directory} values={choice.assisting} onChange={choice.setAssisting} exclude={choice.lead ? [choice.lead] : []} />
      <Field label={t("dq.form.note")} optional error={runner.fieldError("note")}>
        <TextArea value={note} maxChars={NOTE_MAX_CHARS} rows={2} onChange={(event) => setNote(event.target.value)} data-testid="dispatch-note" />
      </Field>
      {runner.error ? <Alert>{runner.error}</Alert> : null}
      <div className="action-form__buttons">
        <Button type="submit" busy={runner.busy} data-testid="dispatch-submit">
          {choice.lead ? t("dq.dispatchTo", { unit: directory.name(choice.lead) }) : t("dq.form.submit")}
        </Button>
      </div>
    </form>
  );
}
