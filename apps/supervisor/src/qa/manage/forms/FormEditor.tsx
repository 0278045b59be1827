import { useMutation } from "@apollo/client/react";
import { Alert, Button, Field, TextInput, useErrorMessage, useFieldErrors } from "@civicline/ui";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { QmSaveScoreFormDocument, type QmFormVersionFieldsFragment } from "../../../gql/graphql.ts";
import { useQaManageT } from "../messages.ts";
import { draftOf, freshKey, inputOf, keysOf, totalWeight, type CriterionDraft, type FormDraft } from "./formDraft.ts";

type Props = {
  form: { id: string | null; name: string; nameEn: string };
  /** The version the draft starts from (null: an empty new form). */
  from: QmFormVersionFieldsFragment | null;
  onSaved: (version: number) => void;
  onCancel: (() => void) | null;
};

/** Server field errors under `prefix` (`criteria.2.` or `criteria.greeting.`), joined for one place. */
function under(errors: Record<string, string>, prefixes: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([field]) => prefixes.some((prefix) => field === prefix.slice(0, -1) || field.startsWith(prefix)))
    .map(([, message]) => message);
}

/**
 * The criteria (Chinese and English names, points, deductions) and critical errors of a new
 * version, with the points' total live; saved in one go as the form's next version.
 */
export function FormEditor({ form, from, onSaved, onCancel }: Props) {
  const t = useQaManageT();
  const errorMessage = useErrorMessage();
  const toFieldErrors = useFieldErrors();
  const heading = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState<FormDraft>(() => draftOf(from));
  const [save, saving] = useMutation(QmSaveScoreFormDocument);
  useEffect(() => {
    if (onCancel) {
      heading.current?.focus();
    }
  }, [onCancel]);

  const setCriterion = (index: number, change: Partial<CriterionDraft>) => setDraft({ ...draft, criteria: draft.criteria.map((criterion, at) => (at === index ? { ...criterion, ...change } : criterion)) });
  const addCriterion = () => setDraft({ ...draft, criteria: [...draft.criteria, { key: freshKey("criterion", keysOf(draft)), label: "", labelEn: "", weight: "10", deductions: [] }] });
  const removeCriterion = (index: number) => setDraft({ ...draft, criteria: draft.criteria.filter((_, at) => at !== index) });
  const moveUp = (index: number) => {
    const criteria = [...draft.criteria];
    [criteria[index - 1], criteria[index]] = [criteria[index]!, criteria[index - 1]!];
    setDraft({ ...draft, criteria });
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save({ variables: { input: inputOf(draft, form) } }).catch(() => null);
    const version = result?.data?.saveQaScoreForm.version;
    if (version) {
      onSaved(version);
    }
  };

  const errors = saving.error ? toFieldErrors(saving.error) : {};
  const placed = new Set<string>();
  const errorsOf = (prefixes: string[]) => {
    const found = under(errors, prefixes);
    Object.keys(errors).forEach((field) => prefixes.some((prefix) => field === prefix.slice(0, -1) || field.startsWith(prefix)) && placed.add(field));
    return found;
  };
  const criterionErrors = draft.criteria.map((criterion, index) => errorsOf([`criteria.${index}.`, `criteria.${criterion.key}.`]));
  const criticalErrors = errorsOf(["criticalErrors."]);
  const rest = Object.entries(errors).filter(([field]) => !placed.has(field)).map(([, message]) => message);
  return (
    <section className="card qm-editor" aria-labelledby="qm-form-editor-title" data-testid="qa-form-editor">
      <h2 id="qm-form-editor-title" ref={heading} tabIndex={-1}>
        {t("qm.forms.editTitle", { version: (from?.version ?? 0) + 1 })}
      </h2>
      <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="qm-form-editor-title">
        {draft.criteria.map((criterion, index) => {
          const name = criterion.label || t("qm.forms.criterionN", { n: index + 1 });
          return (
            <fieldset key={criterion.key} className="qm-criterion" data-testid="qa-form-criterion">
              <legend>{t("qm.forms.criterionN", { n: index + 1 })}</legend>
              <div className="qm-editor__row">
                <Field label={t("qm.forms.col.nameZh")}>
                  <TextInput value={criterion.label} onChange={(event) => setCriterion(index, { label: event.target.value })} />
                </Field>
                <Field label={t("qm.forms.col.nameEn")}>
                  <TextInput value={criterion.labelEn} onChange={(event) => setCriterion(index, { labelEn: event.target.value })} />
                </Field>
                <Field label={t("qm.forms.col.maxPoints")}>
                  <TextInput inputMode="numeric" className="qm-narrow" value={criterion.weight} onChange={(event) => setCriterion(index, { weight: event.target.value })} />
                </Field>
              </div>
              <DeductionsEditor criterion={criterion} taken={keysOf(draft)} onChange={(deductions) => setCriterion(index, { deductions })} />
              {criterionErrors[index]!.length > 0 ? <Alert>{criterionErrors[index]!.join(" ")}</Alert> : null}
              <div className="button-row">
                {index > 0 ? (
                  <Button variant="ghost" onClick={() => moveUp(index)}>
                    {t("qm.forms.moveUp", { name })}
                  </Button>
                ) : null}
                <Button variant="ghost" onClick={() => removeCriterion(index)}>
                  {t("qm.forms.remove", { name })}
                </Button>
              </div>
            </fieldset>
          );
        })}
        <Button variant="secondary" onClick={addCriterion} data-testid="qa-form-add">
          {t("qm.forms.add")}
        </Button>
        <p className="qm-total" aria-live="polite" data-testid="qa-form-total">
          {t("qm.forms.total", { points: totalWeight(draft) })}
        </p>
        <CriticalEditor draft={draft} onChange={(criticalErrorsDraft) => setDraft({ ...draft, criticalErrors: criticalErrorsDraft })} />
        {criticalErrors.length > 0 ? <Alert>{criticalErrors.join(" ")}</Alert> : null}
        <Field label={t("qm.forms.note")} optional>
          <TextInput value={draft.note} onChange={(event) => setDraft({ ...draft, note: event.target.value })} />
        </Field>
        <div aria-live="polite">
          {rest.length > 0 ? <Alert>{rest.join(" ")}</Alert> : null}
          {saving.error && Object.keys(errors).length === 0 ? <Alert>{errorMessage(saving.error)}</Alert> : null}
        </div>
        <div className="button-row">
          <Button type="submit" busy={saving.loading} data-testid="qa-form-save">
            {t("qm.forms.save")}
          </Button>
          {onCancel ? (
            <Button variant="ghost" onClick={onCancel}>
              {t("qm.forms.cancel")}
            </Button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

/** A criterion's deductions: points and the reason in both languages, one row each. */
function DeductionsEditor({ criterion, taken, onChange }: { criterion: CriterionDraft; taken: readonly string[]; onChange: (deductions: CriterionDraft["deductions"]) => void }) {
  const t = useQaManageT();
  const name = criterion.label || criterion.key;
  const set = (index: number, change: Partial<CriterionDraft["deductions"][number]>) => onChange(criterion.deductions.map((deduction, at) => (at === index ? { ...deduction, ...change } : deduction)));
  return (
    <fieldset className="qm-deductions">
      <legend>{t("qm.forms.deductionsOf", { name })}</legend>
      {criterion.deductions.map((deduction, index) => (
        <div key={deduction.key} className="qm-editor__row">
          <Field label={t("qm.forms.deductionPoints")}>
            <TextInput inputMode="decimal" className="qm-narrow" value={deduction.points} onChange={(event) => set(index, { points: event.target.value })} />
          </Field>
          <Field label={t("qm.forms.reasonZh")}>
            <TextInput value={deduction.label} onChange={(event) => set(index, { label: event.target.value })} />
          </Field>
          <Field label={t("qm.forms.reasonEn")}>
            <TextInput value={deduction.labelEn} onChange={(event) => set(index, { labelEn: event.target.value })} />
          </Field>
          <Button variant="ghost" onClick={() => onChange(criterion.deductions.filter((_, at) => at !== index))}>
            {t("qm.forms.remove", { name: deduction.label || t("qm.forms.deductionN", { n: index + 1 }) })}
          </Button>
        </div>
      ))}
      <Button variant="ghost" onClick={() => onChange([...criterion.deductions, { key: freshKey(`${criterion.key}-d`, taken), label: "", labelEn: "", points: "1" }])}>
        {t("qm.forms.addDeduction", { name })}
      </Button>
    </fieldset>
  );
}

/** The critical errors (any one sets the score to 0), in both languages. */
function CriticalEditor({ draft, onChange }: { draft: FormDraft; onChange: (errors: FormDraft["criticalErrors"]) => void }) {
  const t = useQaManageT();
  const set = (index: number, change: Partial<FormDraft["criticalErrors"][number]>) => onChange(draft.criticalErrors.map((error, at) => (at === index ? { ...error, ...change } : error)));
  return (
    <fieldset className="qm-criterion">
      <legend>{t("qm.forms.col.critical")}</legend>
      <p className="field__hint">{t("qm.forms.criticalHint")}</p>
      {draft.criticalErrors.map((error, index) => (
        <div key={error.key} className="qm-editor__row">
          <Field label={t("qm.forms.col.nameZh")}>
            <TextInput value={error.label} onChange={(event) => set(index, { label: event.target.value })} />
          </Field>
          <Field label={t("qm.forms.col.nameEn")}>
            <TextInput value={error.labelEn} onChange={(event) => set(index, { labelEn: event.target.value })} />
          </Field>
          <Button variant="ghost" onClick={() => onChange(draft.criticalErrors.filter((_, at) => at !== index))}>
            {t("qm.forms.remove", { name: error.label || t("qm.forms.criticalN", { n: index + 1 }) })}
          </Button>
        </div>
      ))}
      <Button variant="ghost" onClick={() => onChange([...draft.criticalErrors, { key: freshKey("critical", keysOf(draft)), label: "", labelEn: "" }])}>
        {t("qm.forms.addCritical")}
      </Button>
    </fieldset>
  );
}
