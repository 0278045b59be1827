import { useQuery } from "@apollo/client/react";
import { Alert, Loading, useErrorMessage } from "@civicline/ui";
import { SmsTemplatesDocument, type SmsTemplateFieldsFragment } from "../../gql/graphql.ts";
import { useAdminMessageT, type AdminMessageKey } from "./messages.ts";
import { TemplateEditor } from "./TemplateEditor.tsx";
import "./admin-messages.css";

const STEPS = ["RECEIVED", "DISPATCHED", "REPLIED", "CLOSED"] as const;

/** Admins word the texts citizens get at each step, in Chinese and English side by side. */
export function AdminMessagesPage() {
  const t = useAdminMessageT();
  const errorMessage = useErrorMessage();
  const { data, error, loading } = useQuery(SmsTemplatesDocument, { fetchPolicy: "network-only" });
  const templates: readonly SmsTemplateFieldsFragment[] = data?.smsTemplates ?? [];
  return (
    <section className="admin-messages" aria-labelledby="admin-messages-title">
      <h1 id="admin-messages-title" tabIndex={-1}>
        {t("am.title")}
      </h1>
      <p className="hint">{t("am.intro", { unit: "{unit}" })}</p>
      {loading && !data ? <Loading /> : null}
      {error && !data ? <Alert>{`${t("am.loadFailed")} ${errorMessage(error) ?? ""}`}</Alert> : null}
      {STEPS.map((step) => {
        const forStep = templates.filter((template) => template.step === step);
        if (forStep.length === 0) {
          return null;
        }
        const first = forStep[0]!;
        return (
          <section key={step} className="admin-messages__step" aria-labelledby={`am-step-${step}`} data-testid={`sms-step-${step}`}>
            <h2 id={`am-step-${step}`}>{t(`am.step.${step}` as AdminMessageKey)}</h2>
            <p className="hint">{t(`am.step.${step}.when` as AdminMessageKey)}</p>
            <p className="admin-messages__placeholders">
              {t("am.placeholders", { list: first.allowedPlaceholders.map((name) => t(`am.ph.${name}` as AdminMessageKey)).join(" · ") })}
              <br />
              {t("am.required", { list: first.requiredPlaceholders.map((name) => `{${name}}`).join(" ") })}
            </p>
            <div className="admin-messages__pair">
              {forStep.map((template) => (
                <TemplateEditor key={`${template.locale}:${template.text}`} template={template} />
              ))}
            </div>
          </section>
        );
      })}
    </section>
  );
}
