import { useMutation } from "@apollo/client/react";
import { Alert, Button, Field, TextArea, useErrorMessage, useFieldErrors, useFormat } from "@civicline/ui";
import { useState, type FormEvent } from "react";
import { QmSaveWeeklyNotesDocument, type QmWeeklyReviewFieldsFragment } from "../../../gql/graphql.ts";
import { useQaManageT } from "../messages.ts";

/** The most the notes may hold (as the API allows). */
export const NOTES_MAX = 4000;

/** The lead's notes on the week: editable by the team's lead (and inspectors), read by the others. */
export function WeeklyNotes({ review }: { review: QmWeeklyReviewFieldsFragment }) {
  const t = useQaManageT();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const toFieldErrors = useFieldErrors();
  const [notes, setNotes] = useState(review.notes ?? "");
  const [saved, setSaved] = useState(false);
  const [save, saving] = useMutation(QmSaveWeeklyNotesDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const result = await save({ variables: { teamId: review.teamId, weekStart: review.weekStart, notes } }).catch(() => null);
    if (result?.data) {
      setSaved(true);
    }
  };
  const byLine = review.notesUpdatedAt ? <p className="field__hint" data-testid="qa-notes-by">{t("qm.review.notes.by", { at: format.dateTime(review.notesUpdatedAt as string), by: review.notesUpdatedByName ?? "" })}</p> : null;
  const fieldError = saving.error ? toFieldErrors(saving.error).notes : undefined;
  return (
    <section aria-labelledby="qm-review-notes" className="qm-notes">
      <h2 id="qm-review-notes">{t("qm.review.notes")}</h2>
      {review.canEditNotes ? (
        <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="qm-review-notes">
          <Field label={t("qm.review.notes.label")} error={fieldError}>
            <TextArea value={notes} maxChars={NOTES_MAX} rows={6} onChange={(event) => setNotes(event.target.value)} data-testid="qa-notes" />
          </Field>
          {byLine}
          <div aria-live="polite">
            {saving.error && !fieldError ? <Alert>{errorMessage(saving.error)}</Alert> : null}
            {saved ? <Alert tone="success" testId="qa-notes-saved">{t("qm.review.notes.saved")}</Alert> : null}
          </div>
          <Button type="submit" busy={saving.loading} data-testid="qa-notes-save">
            {t("qm.review.notes.save")}
          </Button>
        </form>
      ) : review.notes ? (
        <>
          <p className="qm-notes__text" data-testid="qa-notes-text">{review.notes}</p>
          {byLine}
        </>
      ) : (
        <p>{t("qm.review.notes.none")}</p>
      )}
    </section>
  );
}
