import { useMutation } from "@apollo/client/react";
import { Button, errorCode, Field, TextArea, useErrorMessage } from "@civicline/ui";
import { useId, useRef, useState, type FormEvent } from "react";
import { RateTicketOnlineDocument, type RatingFieldsFragment, type Resolution, type Satisfaction } from "../gql/graphql.ts";
import { usePortalT, type PortalMessageKey } from "../messages.ts";

export const RESOLUTIONS: readonly Resolution[] = ["RESOLVED", "PARTLY", "UNRESOLVED"];
export const SATISFACTIONS: readonly Satisfaction[] = ["VERY_SATISFIED", "SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED", "VERY_DISSATISFIED"];
const COMMENT_MAX = 2000;

type Question = "resolution" | "resultSatisfaction" | "processSatisfaction";
const QUESTIONS: readonly Question[] = ["resolution", "resultSatisfaction", "processSatisfaction"];

/** One question as a radio group: legend, options, and an error tied to the group. */
function RadioQuestion({ name, legend, options, value, error, onChange }: { name: Question; legend: string; options: ReadonlyArray<{ value: string; label: string }>; value: string; error?: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <fieldset
      className={error ? "field field--invalid choice-group" : "field choice-group"}
      role="radiogroup"
      aria-labelledby={`${id}-legend`}
      aria-describedby={error ? `${id}-error` : undefined}
      aria-invalid={error ? true : undefined}
      data-testid={`rating-${name}`}
    >
      <legend id={`${id}-legend`} className="field__label">
        {legend}
      </legend>
      <div className="choice-row">
        {options.map((option, index) => (
          <div key={option.value} className="choice">
            <input type="radio" id={index === 0 ? `rating-${name}` : `rating-${name}-${option.value}`} name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
            <label htmlFor={index === 0 ? `rating-${name}` : `rating-${name}-${option.value}`} className="choice__label">
              {option.label}
            </label>
          </div>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * The citizen rates the unit's reply: resolved (yes / partly / no), satisfaction with the result
 * and with the handling (five levels each), a comment. Counts like the follow-up call.
 */
export function RatingForm({ accessToken, onRated }: { accessToken: string; onRated: (rating: RatingFieldsFragment | null) => void }) {
  const t = usePortalT();
  const errorMessage = useErrorMessage();
  const [answers, setAnswers] = useState<Record<Question, string>>({ resolution: "", resultSatisfaction: "", processSatisfaction: "" });
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Question | "comment", string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [rate, { loading }] = useMutation(RateTicketOnlineDocument);
  const formRef = useRef<HTMLFormElement>(null);

  const labels: Record<Question, string> = { resolution: t("rating.resolution"), resultSatisfaction: t("rating.result"), processSatisfaction: t("rating.process") };
  const satisfactionOptions = SATISFACTIONS.map((value) => ({ value, label: t(`rating.${value}` as PortalMessageKey) }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing: Partial<Record<Question | "comment", string>> = {};
    for (const question of QUESTIONS) {
      if (!answers[question]) {
        missing[question] = t("rating.choose");
      }
    }
    if ([...comment].length > COMMENT_MAX) {
      missing.comment = t("field.TOO_LONG");
    }
    setErrors(missing);
    setGeneral(null);
    const first = [...QUESTIONS, "comment" as const].find((question) => missing[question]);
    if (first) {
      requestAnimationFrame(() => document.getElementById(`rating-${first}`)?.focus());
      return;
    }
    // sendRating reports its own failure in the form, so nothing is left to await.
    void sendRating();
  };

  const sendRating = async () => {
    try {
      const { data } = await rate({
        variables: {
          input: {
            accessToken,
            resolution: answers.resolution as Resolution,
            resultSatisfaction: answers.resultSatisfaction as Satisfaction,
            processSatisfaction: answers.processSatisfaction as Satisfaction,
            comment: comment.trim() || null,
          },
        },
      });
      onRated(data?.rateTicketOnline ?? null);
    } catch (failure) {
      const code = errorCode(failure);
      if (code === "CALLBACK/ALREADY_RATED" || code === "CALLBACK/NOT_RATEABLE") {
        setGeneral(code === "CALLBACK/ALREADY_RATED" ? t("rating.alreadyRated") : t("rating.notRateable"));
      } else {
        setGeneral(errorMessage(failure) ?? t("error.UNKNOWN"));
      }
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>("[role=alert]")?.focus());
    }
  };

  return (
    <form ref={formRef} className="rating-form" onSubmit={onSubmit} noValidate aria-labelledby="rating-title" data-testid="rating-form">
      <h3 id="rating-title">{t("rating.title")}</h3>
      <p className="form__note">{t("rating.intro")}</p>
      {general ? (
        <div tabIndex={-1} role="alert" className="alert alert--error">
          {general}
        </div>
      ) : null}
      <RadioQuestion
        name="resolution"
        legend={labels.resolution}
        options={RESOLUTIONS.map((value) => ({ value, label: t(`rating.resolution.${value}` as PortalMessageKey) }))}
        value={answers.resolution}
        error={errors.resolution}
        onChange={(value) => {
          setAnswers((prev) => ({ ...prev, resolution: value }));
          setErrors((prev) => ({ ...prev, resolution: undefined }));
        }}
      />
      {(["resultSatisfaction", "processSatisfaction"] as const).map((question) => (
        <RadioQuestion
          key={question}
          name={question}
          legend={labels[question]}
          options={satisfactionOptions}
          value={answers[question]}
          error={errors[question]}
          onChange={(value) => {
            setAnswers((prev) => ({ ...prev, [question]: value }));
            setErrors((prev) => ({ ...prev, [question]: undefined }));
          }}
        />
      ))}
      <Field id="rating-comment" label={t("rating.comment")} hint={t("rating.comment.hint")} error={errors.comment} optional>
        <TextArea name="comment" rows={3} maxChars={COMMENT_MAX} value={comment} onChange={(event) => setComment(event.target.value)} />
      </Field>
      <div className="button-row">
        <Button type="submit" busy={loading} data-testid="rating-submit">
          {loading ? t("rating.sending") : t("rating.submit")}
        </Button>
      </div>
    </form>
  );
}
