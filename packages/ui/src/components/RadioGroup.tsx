import { useId } from "react";

export type RadioOption = { value: string; label: string };

export type RadioGroupProps = {
  name: string;
  legend: string;
  value: string;
  options: readonly RadioOption[];
  onChange: (value: string) => void;
  /** Shown under the options and announced with the group; marks the radios invalid. */
  error?: string;
  hint?: string;
  /** Options side by side (a scale) instead of one per line. */
  inline?: boolean;
  testId?: string;
  /** Id of the fieldset, so an error summary can point at it. */
  id?: string;
};

/**
 * A required choice as native radios in a fieldset, each option a bordered button-like label:
 * arrow keys move within the group, the legend names it, and hint and error are linked to the
 * group through aria-describedby. `inline` lays a scale out side by side.
 */
export function RadioGroup({ name, legend, value, options, onChange, error, hint, inline = false, testId, id }: RadioGroupProps) {
  const generated = useId();
  const base = id ?? `radio${generated}`;
  const hintId = hint ? `${base}-hint` : undefined;
  const errorId = error ? `${base}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset
      id={base}
      className={["radio-group", "radio-buttons", inline ? "radio-buttons--inline" : "", error ? "radio-buttons--invalid" : ""].filter(Boolean).join(" ")}
      aria-describedby={describedBy}
      data-testid={testId}
      tabIndex={-1}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <div className="radio-buttons__options">
        {options.map((option) => (
          <label key={option.value} className="radio-group__option radio-buttons__option">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              aria-invalid={error ? true : undefined}
              data-testid={testId ? `${testId}-${option.value}` : undefined}
            />{" "}
            {option.label}
          </label>
        ))}
      </div>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
