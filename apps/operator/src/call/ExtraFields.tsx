import { Field, Select, TextInput, useLanguage } from "@civicline/ui";
import { useOperatorT } from "../messages.ts";
import type { CategoryField } from "./categories.ts";

export type ExtraFieldsProps = {
  fields: readonly CategoryField[];
  values: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string>>;
  onChange: (key: string, value: string) => void;
};

/** The category's own questions (e.g. the estate's name), rendered from `Category.fields`. */
export function ExtraFields({ fields, values, errors, onChange }: ExtraFieldsProps) {
  const t = useOperatorT();
  const { language } = useLanguage();
  if (fields.length === 0) {
    return null;
  }
  return (
    <fieldset className="call-extra" data-testid="extra-fields">
      <legend>{t("call.extra.legend")}</legend>
      <div className="form-row">
        {fields.map((field) => {
          const id = `call-extra-${field.key}`;
          const label = language === "en" ? field.labelEn || field.labelZh : field.labelZh;
          const value = values[field.key] ?? "";
          const change = (next: string) => onChange(field.key, next);
          const hint = field.maxLength !== null && field.type === "TEXT" ? t("call.extra.maxLength", { max: field.maxLength }) : undefined;
          return (
            <Field key={field.key} id={id} label={label} hint={hint} optional={!field.required} error={errors[`extraFields.${field.key}`]}>
              {field.type === "SELECT" ? (
                <Select
                  name={field.key}
                  value={value}
                  onChange={(event) => change(event.target.value)}
                  options={(field.options ?? []).map((option) => ({ value: option, label: option }))}
                />
              ) : (
                <TextInput
                  name={field.key}
                  type={field.type === "DATE" ? "date" : "text"}
                  inputMode={field.type === "NUMBER" ? "decimal" : undefined}
                  value={value}
                  onChange={(event) => change(event.target.value)}
                />
              )}
            </Field>
          );
        })}
      </div>
    </fieldset>
  );
}
