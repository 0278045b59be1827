import { Alert, Button } from "@civicline/ui";
import { useState, type FormEvent } from "react";
import { useQaInspectT } from "./messages.ts";
import { draftProblems, ScoreFields } from "./ScoreFields.tsx";
import { emptyDraft, type FormCriterion, type FormCriticalError, type ScoreDraft } from "./score.ts";

export type ScoreFormProps = {
  formName: string;
  formVersion: number;
  criteria: readonly FormCriterion[];
  criticalErrors: readonly FormCriticalError[];
  busy?: boolean;
  /** The server's refusal, worded. */
  error?: string;
  /** The server's field errors by criterion key. */
  serverErrors?: Record<string, string>;
  onSubmit: (draft: ScoreDraft) => void;
};

/** The inspector's score of one call with the form version it is scored with; nothing is sent while a field is refused. */
export function ScoreForm({ formName, formVersion, criteria, criticalErrors, busy, error, serverErrors, onSubmit }: ScoreFormProps) {
  const t = useQaInspectT();
  const [draft, setDraft] = useState<ScoreDraft>(emptyDraft);
  const [tried, setTried] = useState(false);
  const problems = draftProblems(criteria, draft);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!problems.points && !problems.criticalComment) {
      onSubmit(draft);
    }
  };
  return (
    <form className="qa-score" onSubmit={submit} noValidate aria-labelledby="qa-score-title" data-testid="qa-score-form">
      <h2 id="qa-score-title">{t("qi.form.title")}</h2>
      <p className="qa-score__version" data-testid="qa-score-version">
        {t("qi.form.version", { name: formName, version: formVersion })}
      </p>
      {tried && problems.points ? <Alert testId="qa-score-invalid">{t("qi.form.fixErrors")}</Alert> : null}
      <ScoreFields
        criteria={criteria}
        criticalErrors={criticalErrors}
        draft={draft}
        onChange={setDraft}
        showErrors={tried}
        serverErrors={serverErrors}
        criticalCommentMissing={tried && problems.criticalComment}
      />
      {error ? <Alert testId="qa-score-error">{error}</Alert> : null}
      <div className="button-row">
        <Button type="submit" busy={busy} data-testid="qa-score-submit">
          {t("qi.form.submit")}
        </Button>
      </div>
    </form>
  );
}
