import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, Field, TextArea } from "@civicline/ui";
import { useMemo, useState, type FormEvent } from "react";
import { QiCallDetailDocument, QiDecideQaAppealDocument, type QiInspectionFieldsFragment } from "../../gql/graphql.ts";
import { useQaLabel } from "./labels.ts";
import { useQaInspectErrorMessage, useQaInspectT } from "./messages.ts";
import { RecordingPlayer } from "./RecordingPlayer.tsx";
import { ScoreCard } from "./ScoreCard.tsx";
import { draftProblems, ScoreFields } from "./ScoreFields.tsx";
import { draftInput, type FormCriterion, type ScoreDraft } from "./score.ts";

/** The score in force as a draft to revise: its points, deductions, comments and critical errors. */
function draftOf(inspection: QiInspectionFieldsFragment): ScoreDraft {
  const score = inspection.score;
  return {
    points: Object.fromEntries(score.criteria.map((criterion) => [criterion.key, String(criterion.score)])),
    deductions: Object.fromEntries(score.criteria.map((criterion) => [criterion.key, criterion.deductions.map((deduction) => deduction.key)])),
    comments: Object.fromEntries(score.criteria.map((criterion) => [criterion.key, criterion.comment ?? ""])),
    critical: score.criticalErrors.map((item) => item.key),
    comment: score.comment ?? "",
  };
}

/**
 * The lead's decision on one appeal: the reason, the score, the recording; reject (the score stands)
 * or uphold with the revised score (the first one is kept as version 1).
 */
export function AppealDecision({ inspection, onCancel, onDecided }: { inspection: QiInspectionFieldsFragment; onCancel: () => void; onDecided: () => void }) {
  const t = useQaInspectT();
  const label = useQaLabel();
  const errorMessage = useQaInspectErrorMessage();
  const call = useQuery(QiCallDetailDocument, { variables: { id: inspection.callRecordId } });
  const [decide, deciding] = useMutation(QiDecideQaAppealDocument);
  const [upheld, setUpheld] = useState<boolean | null>(null);
  const [note, setNote] = useState("");
  const [draft, setDraft] = useState<ScoreDraft>(() => draftOf(inspection));
  const [tried, setTried] = useState(false);
  const criteria = useMemo<FormCriterion[]>(
    () =>
      inspection.formVersion.criteria.map((criterion) => ({
        key: criterion.key,
        label: label(criterion),
        weight: criterion.weight,
        deductions: criterion.deductions.map((deduction) => ({ key: deduction.key, label: label(deduction), points: deduction.points })),
      })),
    [inspection.formVersion, label],
  );
  const criticalErrors = inspection.formVersion.criticalErrors.map((item) => ({ key: item.key, label: label(item) }));
  const problems = draftProblems(criteria, draft);
  const noteMissing = note.trim() === "";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (upheld === null || noteMissing || (upheld && (problems.points || problems.criticalComment))) {
      return;
    }
    void decide({ variables: { inspectionId: inspection.id, upheld, note: note.trim(), rescore: upheld ? draftInput(criteria, draft) : null } })
      .then(onDecided)
      .catch(() => undefined);
  };
  return (
    <form className="qa-decision" onSubmit={submit} noValidate aria-labelledby={`qa-decision-${inspection.id}`} data-testid="qa-appeal-decision">
      <h2 id={`qa-decision-${inspection.id}`}>{t("qi.appeals.decide.title", { name: inspection.callTakerName })}</h2>
      <p className="qa-pre">
        <strong>{t("qi.appeals.reasonLabel")}</strong> {inspection.appeal?.reason}
      </p>
      <ScoreCard score={inspection.score} testId="qa-appeal-score" />
      {call.data ? <RecordingPlayer url={call.data.qaCall.recordingUrl} testId="qa-appeal-recording" /> : null}
      <fieldset className="radio-buttons" data-testid="qa-appeal-outcome-choice">
        <legend className="field__label">{t("qi.appeals.decide.outcome")}</legend>
        <div className="radio-buttons__options">
          {([true, false] as const).map((value) => (
            <label key={String(value)} className="radio-buttons__option">
              <input type="radio" name={`qa-outcome-${inspection.id}`} checked={upheld === value} onChange={() => setUpheld(value)} data-testid={value ? "qa-appeal-uphold" : "qa-appeal-reject"} />
              {t(value ? "qi.appeals.decide.UPHELD" : "qi.appeals.decide.REJECTED")}
            </label>
          ))}
        </div>
        {tried && upheld === null ? <p className="field__error">{t("qi.appeals.needOutcome")}</p> : null}
      </fieldset>
      {upheld ? (
        <fieldset className="qa-decision__rescore">
          <legend className="field__label">{t("qi.appeals.rescore")}</legend>
          <ScoreFields criteria={criteria} criticalErrors={criticalErrors} draft={draft} onChange={setDraft} showErrors={tried} criticalCommentMissing={tried && problems.criticalComment} />
        </fieldset>
      ) : null}
      <Field label={t("qi.appeals.decide.note")} error={tried && noteMissing ? t("qi.appeals.needNote") : undefined}>
        <TextArea rows={3} maxChars={2000} value={note} onChange={(event) => setNote(event.target.value)} data-testid="qa-appeal-note" />
      </Field>
      {deciding.error ? <Alert testId="qa-appeal-decide-error">{errorMessage(deciding.error)}</Alert> : null}
      <div className="button-row">
        <Button type="submit" busy={deciding.loading} data-testid="qa-appeal-submit">
          {t("qi.appeals.decide.submit")}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t("qi.appeals.decide.cancel")}
        </Button>
      </div>
    </form>
  );
}
