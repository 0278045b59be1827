import { Field, TextArea, TextInput } from "@civicline/ui";
import { useQaInspectT } from "./messages.ts";
import { formatTotal, liveTotal, pointsCap, pointsProblem, toggleDeduction, type FormCriterion, type FormCriticalError, type ScoreDraft } from "./score.ts";

export type ScoreFieldsProps = {
  criteria: readonly FormCriterion[];
  criticalErrors: readonly FormCriticalError[];
  draft: ScoreDraft;
  onChange: (draft: ScoreDraft) => void;
  /** Show the fields' problems (after a first try to send). */
  showErrors: boolean;
  /** Server-side field errors by criterion key. */
  serverErrors?: Record<string, string>;
  criticalCommentMissing?: boolean;
};

/** Whether the draft can be sent: no refused points, and a critical error comes with an overall comment. */
export function draftProblems(criteria: readonly FormCriterion[], draft: ScoreDraft): { points: boolean; criticalComment: boolean } {
  return {
    points: criteria.some((criterion) => pointsProblem(criterion, draft) !== null),
    criticalComment: draft.critical.length > 0 && draft.comment.trim() === "",
  };
}

/**
 * The score form's fields: per criterion its deductions, its points (blank = the weight less the
 * ticked deductions) and a comment; the critical errors; the overall comment; the live total by the
 * formula shown under it. Used to score a call and to rescore it when an appeal is upheld.
 */
export function ScoreFields({ criteria, criticalErrors, draft, onChange, showErrors, serverErrors = {}, criticalCommentMissing = false }: ScoreFieldsProps) {
  const t = useQaInspectT();
  const total = liveTotal(criteria, draft);
  const critical = draft.critical.length > 0;
  return (
    <>
      <ol className="qa-score__criteria">
        {criteria.map((criterion) => {
          const chosen = draft.deductions[criterion.key] ?? [];
          const cap = pointsCap(criterion, draft);
          const problem = pointsProblem(criterion, draft);
          const error = showErrors && problem
            ? problem === "OUT_OF_RANGE"
              ? t("qi.form.outOfRange", { max: criterion.weight })
              : t("qi.form.deductionsExceed", { cap })
            : serverErrors[criterion.key];
          return (
            <li key={criterion.key} className="qa-criterion" data-testid="qa-criterion" data-criterion={criterion.key}>
              <fieldset>
                <legend className="qa-criterion__name">{t("qi.form.criterion.name", { criterion: criterion.label, weight: criterion.weight })}</legend>
                <div className="qa-criterion__grid">
                  {criterion.deductions.length > 0 ? (
                    <fieldset className="qa-criterion__deductions">
                      <legend>{t("qi.form.criterion.deductions")}</legend>
                      {criterion.deductions.map((deduction) => (
                        <label key={deduction.key} className="checkbox">
                          <input
                            type="checkbox"
                            checked={chosen.includes(deduction.key)}
                            onChange={(event) => onChange(toggleDeduction(draft, criterion.key, deduction.key, event.target.checked))}
                            data-testid={`qa-deduction-${criterion.key}-${deduction.key}`}
                          />
                          {t("qi.form.deduction", { label: deduction.label, points: deduction.points })}
                        </label>
                      ))}
                    </fieldset>
                  ) : null}
                  <Field label={t("qi.form.criterion.score", { max: criterion.weight })} hint={t("qi.form.criterion.blank", { cap })} error={error}>
                    <TextInput
                      inputMode="decimal"
                      placeholder={String(cap)}
                      value={draft.points[criterion.key] ?? ""}
                      onChange={(event) => onChange({ ...draft, points: { ...draft.points, [criterion.key]: event.target.value } })}
                      data-testid={`qa-points-${criterion.key}`}
                    />
                  </Field>
                </div>
                <Field label={t("qi.form.criterion.comment", { criterion: criterion.label })} optional>
                  <TextArea
                    rows={2}
                    maxChars={1000}
                    value={draft.comments[criterion.key] ?? ""}
                    onChange={(event) => onChange({ ...draft, comments: { ...draft.comments, [criterion.key]: event.target.value } })}
                    data-testid={`qa-comment-${criterion.key}`}
                  />
                </Field>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <fieldset className="qa-score__critical" data-testid="qa-critical">
        <legend>{t("qi.form.critical.legend")}</legend>
        {criticalErrors.length === 0 ? <p>{t("qi.form.critical.none")}</p> : null}
        {criticalErrors.map((item) => (
          <label key={item.key} className="checkbox qa-score__critical-item">
            <input
              type="checkbox"
              checked={draft.critical.includes(item.key)}
              onChange={(event) => onChange({ ...draft, critical: event.target.checked ? [...draft.critical, item.key] : draft.critical.filter((key) => key !== item.key) })}
              data-testid={`qa-critical-${item.key}`}
            />
            {item.label}
          </label>
        ))}
      </fieldset>
      <Field label={t("qi.form.comment")} optional={!critical} error={criticalCommentMissing ? t("qi.form.criticalNeedsComment") : undefined}>
        <TextArea rows={3} maxChars={2000} value={draft.comment} onChange={(event) => onChange({ ...draft, comment: event.target.value })} data-testid="qa-overall-comment" />
      </Field>
      <p className="qa-score__total" aria-live="polite">
        <span className="qa-score__total-label">{t("qi.form.total")}</span>{" "}
        <output className="qa-score__total-value" data-testid="qa-live-total" data-critical={critical ? "true" : "false"}>
          {critical ? t("qi.form.totalCritical") : total === null ? "—" : t("qi.form.totalValue", { total: formatTotal(total) })}
        </output>
      </p>
      <p className="qa-score__formula" data-testid="qa-score-formula">
        {t("qi.form.formula")}
      </p>
    </>
  );
}
