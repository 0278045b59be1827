import { useMutation } from "@apollo/client/react";
import { Field, TextArea, TextInput } from "@civicline/ui";
import { useState } from "react";
import { RequestExtensionDocument } from "../../gql/graphql.ts";
import { useWorkbenchT } from "../messages.ts";
import { ActionForm } from "./ActionForm.tsx";
import type { ActionProps } from "./NoteForm.tsx";
import { ACTION_REFETCH, useActionRunner } from "./useActionRunner.ts";

/** The longest extension the form offers, in working days (the server has the last word). */
export const MAX_EXTENSION_DAYS = 30;
const REASON_MAX_CHARS = 1000;

/** A whole number of working days from 1 to MAX_EXTENSION_DAYS, or null. */
export function parseWorkingDays(value: string): number | null {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed)) {
    return null;
  }
  const days = Number(trimmed);
  return days >= 1 && days <= MAX_EXTENSION_DAYS ? days : null;
}

/** Asks a supervisor for more time, once per ticket: working days and a reason. */
export function ExtensionForm({ ticketId, onDone, onCancel }: ActionProps) {
  const t = useWorkbenchT();
  const [days, setDays] = useState("");
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<{ days?: boolean; reason?: boolean }>({});
  const runner = useActionRunner();
  const [requestExtension] = useMutation(RequestExtensionDocument, { refetchQueries: ACTION_REFETCH });

  const submit = async () => {
    const workingDays = parseWorkingDays(days);
    setProblems({ days: workingDays === null, reason: !reason.trim() });
    if (workingDays === null || !reason.trim()) {
      return;
    }
    if (await runner.run(() => requestExtension({ variables: { ticketId, workingDays, reason: reason.trim() } }))) {
      onDone(t("wb.done.extension"));
    }
  };
  return (
    <ActionForm
      title={t("act.extension")}
      submitLabel={t("act.extension.submit")}
      busy={runner.busy}
      error={runner.error}
      onSubmit={() => void submit()}
      onCancel={onCancel}
      testId="extension-form"
      submitTestId="extension-submit"
    >
      <Field
        label={t("act.extension.days")}
        hint={t("act.extension.daysHint")}
        error={problems.days ? t("act.days.invalid", { max: MAX_EXTENSION_DAYS }) : runner.fieldError("workingDays")}
      >
        <TextInput inputMode="numeric" value={days} onChange={(event) => setDays(event.target.value)} className="input--short" data-testid="extension-days" />
      </Field>
      <Field label={t("act.extension.reason")} error={problems.reason ? t("common.required") : runner.fieldError("reason")}>
        <TextArea value={reason} maxChars={REASON_MAX_CHARS} rows={3} onChange={(event) => setReason(event.target.value)} data-testid="extension-reason" />
      </Field>
    </ActionForm>
  );
}
