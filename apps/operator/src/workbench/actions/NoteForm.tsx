import { useMutation } from "@apollo/client/react";
import { characterCount, Field, TextArea } from "@civicline/ui";
import { useState } from "react";
import { AddProgressNoteDocument, type NoteVisibility } from "../../gql/graphql.ts";
import { useWorkbenchT } from "../messages.ts";
import { ActionForm } from "./ActionForm.tsx";
import { ACTION_REFETCH, useActionRunner } from "./useActionRunner.ts";

export type ActionProps = { ticketId: string; onDone: (message: string) => void; onCancel: () => void };

const VISIBILITIES: readonly NoteVisibility[] = ["INTERNAL", "PUBLIC"];
export const NOTE_MAX_CHARS = 2000;

/** A progress note, internal (staff only) by default or public (the citizen can read it). */
export function NoteForm({ ticketId, onDone, onCancel }: ActionProps) {
  const t = useWorkbenchT();
  const [text, setText] = useState("");
  const [visibility, setVisibility] = useState<NoteVisibility>("INTERNAL");
  const [missing, setMissing] = useState(false);
  const runner = useActionRunner();
  const [addNote] = useMutation(AddProgressNoteDocument, { refetchQueries: ACTION_REFETCH });

  const submit = async () => {
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    if (characterCount(text.trim()) > NOTE_MAX_CHARS) {
      // The counter under the field already says by how much; nothing is sent.
      document.querySelector<HTMLTextAreaElement>('[data-testid="note-text"]')?.focus();
      return;
    }
    const ok = await runner.run(() => addNote({ variables: { ticketId, text: text.trim(), visibility } }));
    if (ok) {
      onDone(t("wb.done.note"));
    }
  };
  return (
    <ActionForm title={t("act.note")} submitLabel={t("act.note.submit")} busy={runner.busy} error={runner.error} onSubmit={() => void submit()} onCancel={onCancel} testId="note-form" submitTestId="note-submit">
      <Field label={t("act.note.text")} error={missing ? t("common.required") : runner.fieldError("text")}>
        <TextArea value={text} maxChars={NOTE_MAX_CHARS} rows={3} onChange={(event) => {
            setText(event.target.value);
            setMissing(false);
            runner.clearField("text");
          }} data-testid="note-text" />
      </Field>
      <fieldset className="radio-group">
        <legend>{t("act.note.visibility")}</legend>
        {VISIBILITIES.map((value) => (
          <label key={value} className="radio-group__option">
            <input type="radio" name="note-visibility" value={value} checked={visibility === value} onChange={() => setVisibility(value)} />{" "}
            {t(`rt.NoteVisibility.${value}`)}
          </label>
        ))}
      </fieldset>
    </ActionForm>
  );
}
