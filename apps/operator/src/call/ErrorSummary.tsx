import { Alert, useLanguage } from "@civicline/ui";
import { useOperatorT, type OperatorMessageKey } from "../messages.ts";
import { controlId, type CallErrors } from "./callForm.ts";
import type { CategoryField } from "./categories.ts";
import { orderedErrorKeys } from "./useCallForm.ts";

const LABELS: Record<string, OperatorMessageKey> = {
  requestType: "call.requestType",
  categoryId: "call.category",
  districtId: "call.district",
  townshipId: "call.township",
  address: "call.address",
  description: "call.description",
  urgency: "call.urgency",
  citizenName: "call.citizenName",
  phone: "call.phone",
  privacy: "call.privacy",
  attachmentIds: "call.attachments",
  answer: "answer.text",
};

/**
 * The problems of the last attempt, each linking to its control (focusable, id `call-errors`, so
 * focus can be moved here after a failed save and screen readers read it out).
 */
export function ErrorSummary({ errors, general, fields }: { errors: CallErrors; general: readonly string[]; fields: readonly CategoryField[] }) {
  const t = useOperatorT();
  const { language } = useLanguage();
  const keys = orderedErrorKeys(errors, fields);
  const label = (key: string) => {
    if (LABELS[key]) {
      return t(LABELS[key]);
    }
    const field = fields.find((f) => `extraFields.${f.key}` === key);
    return field ? (language === "en" ? field.labelEn || field.labelZh : field.labelZh) : key;
  };
  return (
    <div id="call-errors" tabIndex={-1} className="error-summary-anchor">
      {keys.length > 0 || general.length > 0 ? (
        <Alert testId="call-errors">
          <p>{t("call.errorSummary")}</p>
          <ul>
            {general.map((message) => (
              <li key={message}>{message}</li>
            ))}
            {keys.map((key) => (
              <li key={key}>
                <a href={`#${controlId(key)}`}>
                  {label(key)}: {errors[key]}
                </a>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </div>
  );
}
