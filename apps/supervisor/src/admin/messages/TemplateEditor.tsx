import { useMutation } from "@apollo/client/react";
import { Alert, Button, Field, TextArea, graphQLErrors, useErrorMessage, useFormat } from "@civicline/ui";
import { useState, type FormEvent } from "react";
import { SaveSmsTemplateDocument, type SmsTemplateFieldsFragment } from "../../gql/graphql.ts";
import { useAdminMessageT, type AdminMessageKey } from "./messages.ts";

const MAX_CHARS = 300;
const FIELD_CODES = ["UNKNOWN_PLACEHOLDER", "MISSING_PLACEHOLDER", "EMPTY", "TOO_LONG", "UNBALANCED_BRACE", "INVALID_CHARACTERS"];

/** The server's field code and placeholder, worded in the admin's language (null: not a template error). */
function useTemplateError(): (failure: unknown) => string | null {
  const t = useAdminMessageT();
  return (failure) => {
    const [first] = graphQLErrors(failure);
    const fields = first?.extensions?.fields;
    const field = Array.isArray(fields) ? (fields[0] as { code?: string; placeholder?: string } | undefined) : undefined;
    if (!field?.code || !FIELD_CODES.includes(field.code)) {
      return null;
    }
    return t(`am.err.${field.code}` as AdminMessageKey, { placeholder: field.placeholder ? `{${field.placeholder}}` : "" });
  };
}

/** One step's text in one language: a text area, save, and back to the built-in wording. */
export function TemplateEditor({ template }: { template: SmsTemplateFieldsFragment }) {
  const t = useAdminMessageT();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const templateError = useTemplateError();
  const [text, setText] = useState(template.text);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [save, { loading }] = useMutation(SaveSmsTemplateDocument);
  const id = `sms-${template.step}-${template.locale}`;

  const submit = (value: string | null) => {
    setFieldError(null);
    setGeneral(null);
    setSaved(false);
    save({ variables: { step: template.step, locale: template.locale, text: value } }).then(
      (result) => {
        const stored = result.data?.saveSmsTemplate;
        if (stored) {
          setText(stored.text);
        }
        setSaved(true);
      },
      (failure: unknown) => {
        const message = templateError(failure);
        if (message) {
          setFieldError(message);
          requestAnimationFrame(() => document.getElementById(id)?.focus());
        } else {
          setGeneral(errorMessage(failure) ?? "");
        }
      },
    );
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit(text);
  };

  return (
    <form className="sms-template" onSubmit={onSubmit} noValidate data-testid={`sms-template-${template.step}-${template.locale}`}>
      <Field id={id} label={t(`am.locale.${template.locale}` as AdminMessageKey)} error={fieldError ?? undefined}>
        <TextArea name={id} rows={3} maxChars={MAX_CHARS} value={text} lang={template.locale === "EN" ? "en" : "zh-CN"} onChange={(event) => setText(event.target.value)} />
      </Field>
      <p className="hint">
        {template.isDefault && !saved ? t("am.isDefault") : template.updatedByName && template.updatedAt ? t("am.updated", { name: template.updatedByName, at: format.dateTime(template.updatedAt) }) : null}
      </p>
      {general ? <Alert>{general}</Alert> : null}
      <div aria-live="polite">{saved ? <Alert tone="success">{t("am.saved")}</Alert> : null}</div>
      <div className="sms-template__buttons">
        <Button type="submit" busy={loading} data-testid="sms-template-save">
          {loading ? t("am.saving") : t("am.save")}
        </Button>
        <Button variant="secondary" disabled={loading} onClick={() => submit(null)} data-testid="sms-template-reset">
          {t("am.reset")}
        </Button>
      </div>
    </form>
  );
}
