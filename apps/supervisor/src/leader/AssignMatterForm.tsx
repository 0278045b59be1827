import { useMutation } from "@apollo/client/react";
import { Alert, Button, Field, Select, TextArea, TextInput } from "@civicline/ui";
import { useState, type FormEvent } from "react";
import { AssignToLeaderDocument } from "../gql/graphql.ts";
import { useLeaderErrors, useLeaderT } from "./messages.ts";

type Props = {
  leaders: ReadonlyArray<{ id: string; displayName: string }>;
  /** From the ticket page: the ticket is fixed and the tracking-number field is not shown. */
  ticketId?: string;
  onAssigned?: () => void;
};

/** 领导包案: a supervisor assigns one ticket, or a hot issue of several, to a leader. */
export function AssignMatterForm({ leaders, ticketId, onAssigned }: Props) {
  const t = useLeaderT();
  const errors = useLeaderErrors();
  const [form, setForm] = useState({ leaderId: "", numbers: "", title: "", note: "", due: "" });
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [assign, assigning] = useMutation(AssignToLeaderDocument, { refetchQueries: ["TicketLeaderInfo"] });
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone(null);
    const trackingNumbers = form.numbers.split(/[\s,，、;；]+/).filter(Boolean);
    try {
      const result = await assign({
        variables: {
          input: {
            leaderId: form.leaderId,
            ticketIds: ticketId ? [ticketId] : null,
            trackingNumbers: ticketId ? null : trackingNumbers,
            title: form.title || null,
            note: form.note || null,
            dueAt: /^\d{4}-\d{2}-\d{2}$/.test(form.due) ? new Date(`${form.due}T23:59:59+08:00`).toISOString() : null,
          },
        },
      });
      const leader = leaders.find((candidate) => candidate.id === form.leaderId)?.displayName ?? "";
      setDone(t("ld.assign.done", { leader, numbers: (result.data?.assignToLeader.tickets ?? []).map((ticket) => ticket.trackingNumber).join(", ") }));
      setForm({ leaderId: form.leaderId, numbers: "", title: "", note: "", due: "" });
      onAssigned?.();
    } catch (caught) {
      setError(caught);
    }
  };
  const fields = error ? errors.fields(error) : {};
  if (leaders.length === 0) {
    return <p className="leader-muted">{t("ld.noLeaders")}</p>;
  }
  return (
    <form className="leader-form" onSubmit={(event) => void submit(event)} aria-label={t("ld.assign.title")} data-testid="assign-form" noValidate>
      <div aria-live="polite">{done ? <Alert tone="success" testId="assign-done">{done}</Alert> : null}</div>
      {error && Object.keys(fields).length === 0 ? <Alert>{errors.message(error)}</Alert> : null}
      <div className="leader-form__grid">
        <Field label={t("ld.form.leader")} error={fields.leaderId}>
          <Select value={form.leaderId} onChange={set("leaderId")} options={leaders.map((leader) => ({ value: leader.id, label: leader.displayName }))} data-testid="assign-leader" />
        </Field>
        {ticketId ? null : (
          <Field label={t("ld.assign.numbers")} hint={t("ld.assign.numbersHint")} error={fields.trackingNumbers ?? fields.ticketIds}>
            <TextInput value={form.numbers} onChange={set("numbers")} autoComplete="off" data-testid="assign-numbers" />
          </Field>
        )}
        <Field label={t("ld.assign.hotIssue")} hint={t("ld.assign.hotIssueHint")} optional error={fields.title}>
          <TextInput value={form.title} onChange={set("title")} data-testid="assign-title" />
        </Field>
        <Field label={t("ld.assign.due")} optional error={fields.dueAt}>
          <TextInput type="date" value={form.due} onChange={set("due")} data-testid="assign-due" />
        </Field>
      </div>
      <Field label={t("ld.assign.note")} optional error={fields.note}>
        <TextArea value={form.note} maxChars={1000} rows={2} onChange={set("note")} data-testid="assign-note" />
      </Field>
      <Button type="submit" busy={assigning.loading} data-testid="assign-submit">
        {t("ld.assign.submit")}
      </Button>
    </form>
  );
}
