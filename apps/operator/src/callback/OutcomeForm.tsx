import { Alert, Button, Field, Kbd, RadioGroup, TextArea, useHotkeys } from "@civicline/ui";
import { useRef, useState, type FormEvent } from "react";
import type { CallbackTaskKind } from "../gql/graphql.ts";
import { useCallbackT } from "./messages.ts";
import { asks, EMPTY_DRAFT, isResolution, isSatisfaction, missingAnswers, RESOLUTIONS, SATISFACTIONS, type OutcomeDraft, type Question } from "./outcomeForm.ts";

const NOTE_MAX_CHARS = 1000;
const COMMENT_MAX_CHARS = 2000;

/** The two five-level questions, in the order they are asked. */
const SATISFACTION_QUESTIONS = [
  { question: "resultSatisfaction", testId: "callback-result" },
  { question: "processSatisfaction", testId: "callback-process" },
] as const;

/** The task screen's keyboard shortcuts. */
export const CALLBACK_KEYS = { reached: "alt+r", notReached: "alt+u", save: "mod+enter", next: "alt+j" } as const;

export type OutcomeFormProps = {
  kind: CallbackTaskKind;
  busy: boolean;
  /** The server's error for the form as a whole, in the UI language. */
  error: string | null;
  /** The server's field messages, keyed by question ("resolution", "note" …). */
  serverFields: Partial<Record<Question | "note" | "comment", string>>;
  onSubmit: (draft: OutcomeDraft) => void;
};

/**
 * What happened on the call: not reached (a note), or reached with the citizen's answers — for a
 * reply's callback resolution, both satisfactions and the agent's judgement of reasonableness; for a
 * direct-answer survey the service satisfaction only. Missing answers are marked on their question
 * and focus moves to the first.
 */
export function OutcomeForm({ kind, busy, error, serverFields, onSubmit }: OutcomeFormProps) {
  const t = useCallbackT();
  const [draft, setDraft] = useState<OutcomeDraft>(EMPTY_DRAFT);
  const [missing, setMissing] = useState<readonly Question[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const set = <K extends keyof OutcomeDraft>(key: K, value: OutcomeDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setMissing((current) => current.filter((question) => question !== key));
  };

  const focusQuestion = (question: string) => {
    requestAnimationFrame(() => {
      const group = formRef.current?.querySelector<HTMLElement>(`#cb-q-${question}`);
      (group?.querySelector<HTMLElement>("input:checked") ?? group?.querySelector<HTMLElement>("input, textarea"))?.focus();
    });
  };
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) {
      return;
    }
    const found = missingAnswers(draft, kind);
    setMissing(found);
    const [firstMissing] = found;
    if (firstMissing !== undefined) {
      focusQuestion(firstMissing);
      return;
    }
    onSubmit(draft);
  };
  const choose = (outcome: OutcomeDraft["outcome"]) => {
    set("outcome", outcome);
    focusQuestion(outcome === "REACHED" ? (kind === "REPLY" ? "resolution" : "processSatisfaction") : "note");
  };
  useHotkeys([
    { combo: CALLBACK_KEYS.reached, handler: () => choose("REACHED") },
    { combo: CALLBACK_KEYS.notReached, handler: () => choose("NOT_REACHED") },
    { combo: CALLBACK_KEYS.save, handler: () => submit() },
  ]);

  const errorOf = (question: Question) => (missing.includes(question) ? t("cb.form.choose") : serverFields[question]);
  const satisfactionOptions = SATISFACTIONS.map((value) => ({ value, label: t(`cb.satisfaction.${value}`) }));
  const reached = draft.outcome === "REACHED";
  return (
    <form ref={formRef} className="callback-form card" aria-labelledby="callback-form-title" onSubmit={submit} noValidate data-testid="callback-form">
      <h2 id="callback-form-title">{t("cb.form.title")}</h2>
      <RadioGroup
        id="cb-q-outcome"
        name="outcome"
        legend={t("cb.form.outcome")}
        value={draft.outcome}
        inline
        options={[
          { value: "REACHED", label: t("cb.outcome.REACHED") },
          { value: "NOT_REACHED", label: t("cb.outcome.NOT_REACHED") },
        ]}
        onChange={(value) => set("outcome", value === "REACHED" ? "REACHED" : "NOT_REACHED")}
        error={errorOf("outcome")}
        testId="callback-outcome"
      />
      <p className="callback-form__keys muted">
        <Kbd combo={CALLBACK_KEYS.reached} /> {t("cb.key.reached")} · <Kbd combo={CALLBACK_KEYS.notReached} /> {t("cb.key.notReached")}
      </p>
      {reached && asks(kind, "resolution") ? (
        <RadioGroup
          id="cb-q-resolution"
          name="resolution"
          legend={t("cb.form.resolution")}
          value={draft.resolution}
          inline
          options={RESOLUTIONS.map((value) => ({ value, label: t(`cb.resolution.${value}`) }))}
          onChange={(value) => isResolution(value) && set("resolution", value)}
          error={errorOf("resolution")}
          testId="callback-resolution"
        />
      ) : null}
      {reached
        ? SATISFACTION_QUESTIONS.filter(({ question }) => asks(kind, question)).map(({ question, testId }) => (
            <RadioGroup
              key={question}
              id={`cb-q-${question}`}
              name={question}
              legend={t(`cb.form.${question}`)}
              value={draft[question]}
              inline
              options={satisfactionOptions}
              onChange={(value) => isSatisfaction(value) && set(question, value)}
              error={errorOf(question)}
              testId={testId}
            />
          ))
        : null}
      {reached && asks(kind, "reasonable") ? (
        <RadioGroup
          id="cb-q-reasonable"
          name="reasonable"
          legend={t("cb.form.reasonable")}
          hint={t("cb.form.reasonableHint")}
          value={draft.reasonable}
          inline
          options={[
            { value: "yes", label: t("cb.reasonable.yes") },
            { value: "no", label: t("cb.reasonable.no") },
          ]}
          onChange={(value) => set("reasonable", value === "no" ? "no" : "yes")}
          error={errorOf("reasonable")}
          testId="callback-reasonable"
        />
      ) : null}
      {reached ? (
        <Field id="cb-q-comment" label={t("cb.form.comment")} optional error={serverFields.comment}>
          <TextArea value={draft.comment} maxChars={COMMENT_MAX_CHARS} rows={3} onChange={(event) => set("comment", event.target.value)} data-testid="callback-comment" />
        </Field>
      ) : null}
      {draft.outcome !== "" ? (
        <div id="cb-q-note">
          <Field label={t("cb.form.note")} hint={reached ? undefined : t("cb.form.noteHint")} optional error={serverFields.note}>
            <TextArea value={draft.note} maxChars={NOTE_MAX_CHARS} rows={2} onChange={(event) => set("note", event.target.value)} data-testid="callback-note" />
          </Field>
        </div>
      ) : null}
      {reached && kind === "REPLY" ? <p className="field__hint">{t("cb.form.proposalHint")}</p> : null}
      {missing.length > 0 ? <Alert testId="callback-missing">{t("cb.form.problems")}</Alert> : null}
      {error ? <Alert testId="callback-error">{error}</Alert> : null}
      <div className="action-form__buttons">
        <Button type="submit" busy={busy} data-testid="callback-save" aria-keyshortcuts="Control+Enter">
          {t("cb.form.save")} <Kbd combo={CALLBACK_KEYS.save} />
        </Button>
      </div>
    </form>
  );
}
