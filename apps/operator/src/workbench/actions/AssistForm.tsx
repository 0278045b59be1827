import { useMutation } from "@apollo/client/react";
import { characterCount, Field, TextArea } from "@civicline/ui";
import { useState } from "react";
import { AddAssistInputDocument } from "../../gql/graphql.ts";
import { useWorkbenchT } from "../messages.ts";
import { ActionForm } from "./ActionForm.tsx";
import type { ActionProps } from "./NoteForm.tsx";
import { ACTION_REFETCH, useActionRunner } from "./useActionRunner.ts";

const ASSIST_MAX_CHARS = 2000;

/** An assisting unit's input (协办意见) for the lead unit, before the lead unit replies. */
export function AssistForm({ ticketId, onDone, onCancel }: ActionProps) {
  const t = useWorkbenchT();
  const [text, setText] = useState("");
  const [missing, setMissing] = useState(false);
  const runner = useActionRunner();
  const [addAssist] = useMutation(AddAssistInputDocument, { refetchQueries: ACTION_REFETCH });

  const submit = async () => {
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    if (characterCount(text.trim()) > ASSIST_MAX_CHARS) {
      // The counter under the field already says by how much; nothing is sent.
      document.querySelector<HTMLTextAreaElement>('[data-testid="assist-text"]')?.focus();
      return;
    }
    if (await runner.run(() => addAssist({ variables: { ticketId, text: text.trim() } }))) {
      onDone(t("wb.done.assist"));
    }
  };
  return (
    <ActionForm title={t("act.assist")} submitLabel={t("act.assist.submit")} busy={runner.busy} error={runner.error} onSubmit={() => void submit()} onCancel={onCancel} testId="assist-form" submitTestId="assist-submit">
      <Field label={t("act.assist.text")} error={missing ? t("common.required") : runner.fieldError("text")}>
        <TextArea value={text} maxChars={ASSIST_MAX_CHARS} rows={4} onChange={(event) => {
            setText(event.target.value);
            setMissing(false);
            runner.clearField("text");
          }} data-testid="assist-text" />
      </Field>
    </ActionForm>
  );
}
