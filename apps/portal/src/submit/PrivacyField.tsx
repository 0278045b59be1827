import { useId } from "react";
import { usePortalT } from "../messages.ts";
import { PRIVACY_CHOICES, type PrivacyChoice } from "./validate.ts";

/**
 * Who may see who the citizen is, with a plain explanation of each choice. A report
 * (whistle-blowing) is always confidential: the other choices are then disabled.
 */
export function PrivacyField({ value, onChange, reportOnly, error }: { value: PrivacyChoice; onChange: (value: PrivacyChoice) => void; reportOnly: boolean; error?: string }) {
  const t = usePortalT();
  const id = useId();
  const legendId = `${id}-legend`;
  const errorId = `${id}-error`;
  return (
    <fieldset
      className={error ? "field field--invalid choice-group" : "field choice-group"}
      role="radiogroup"
      aria-labelledby={legendId}
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
      data-testid="privacy"
    >
      <legend id={legendId} className="field__label">
        {t("submit.privacy")}
      </legend>
      {PRIVACY_CHOICES.map((choice, index) => {
        const inputId = index === 0 ? "submit-privacy" : `submit-privacy-${choice}`;
        const helpId = `${inputId}-help`;
        return (
          <div key={choice} className="choice">
            <input
              type="radio"
              id={inputId}
              name="privacy"
              value={choice}
              checked={value === choice}
              disabled={reportOnly && choice !== "CONFIDENTIAL"}
              aria-describedby={helpId}
              onChange={() => onChange(choice)}
            />
            <label htmlFor={inputId} className="choice__label">
              {t(`submit.privacy.${choice}`)}
            </label>
            <p id={helpId} className="choice__help">
              {t(`submit.privacy.${choice}.help`)}
            </p>
          </div>
        );
      })}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
