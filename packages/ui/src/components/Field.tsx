import {
  createContext,
  useContext,
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
} from "react";
import { useT } from "../i18n/I18nProvider.tsx";

type FieldContextValue = { id: string; describedBy: string | undefined; invalid: boolean; required: boolean };

const FieldContext = createContext<FieldContextValue | null>(null);

export type FieldProps = {
  label: ReactNode;
  /** Shown under the control and announced with it; marks the control invalid. */
  error?: string;
  hint?: ReactNode;
  /** Optional fields say so in the label; required is the default. */
  optional?: boolean;
  /** Id for the control; generated when omitted. */
  id?: string;
  children: ReactNode;
};

/**
 * Label + control + hint + error with the wiring screen readers need: the label points at the
 * control, and hint and error are linked through aria-describedby.
 */
export function Field({ label, error, hint, optional = false, id, children }: FieldProps) {
  const t = useT();
  const generated = useId();
  const controlId = id ?? `field${generated}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field--invalid" : "field"}>
      <label className="field__label" htmlFor={controlId}>
        {label}
        {optional ? <span className="field__optional"> {t("common.optional")}</span> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldContext.Provider value={{ id: controlId, describedBy, invalid: Boolean(error), required: !optional }}>
        {children}
      </FieldContext.Provider>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Props a control inside a <Field> must carry; explicit props win. */
export function useFieldControl(extraDescribedBy?: string): {
  id?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-required"?: true;
} {
  const ctx = useContext(FieldContext);
  if (!ctx) {
    return extraDescribedBy ? { "aria-describedby": extraDescribedBy } : {};
  }
  const describedBy = [ctx.describedBy, extraDescribedBy].filter(Boolean).join(" ") || undefined;
  return {
    id: ctx.id,
    "aria-describedby": describedBy,
    ...(ctx.invalid ? { "aria-invalid": true as const } : {}),
    ...(ctx.required ? { "aria-required": true as const } : {}),
  };
}

export type TextInputProps = InputHTMLAttributes<HTMLInputElement>;

export function TextInput({ className, ...props }: TextInputProps) {
  const wiring = useFieldControl();
  return <input type="text" className={["input", className].filter(Boolean).join(" ")} {...wiring} {...props} />;
}

export type SelectOption = { value: string; label: string; disabled?: boolean };
export type SelectOptionGroup = { label: string; options: readonly SelectOption[] };

export type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "children"> & {
  options?: readonly SelectOption[];
  groups?: readonly SelectOptionGroup[];
  /** Text of the empty first option ("Please choose"); pass null to omit it. */
  placeholder?: string | null;
};

/** A native <select> (best on phones and with screen readers) with optional optgroups. */
export function Select({ options = [], groups = [], placeholder, className, ...props }: SelectProps) {
  const t = useT();
  const wiring = useFieldControl();
  const renderOption = (option: SelectOption) => (
    <option key={option.value} value={option.value} disabled={option.disabled}>
      {option.label}
    </option>
  );
  return (
    <select className={["select", className].filter(Boolean).join(" ")} {...wiring} {...props}>
      {placeholder === null ? null : <option value="">{placeholder ?? t("common.choose")}</option>}
      {options.map(renderOption)}
      {groups.map((group) => (
        <optgroup key={group.label} label={group.label}>
          {group.options.map(renderOption)}
        </optgroup>
      ))}
    </select>
  );
}
