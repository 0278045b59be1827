import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { Button } from "../../components/Button.tsx";
import { Alert } from "../../components/Feedback.tsx";
import { Field, TextInput } from "../../components/Field.tsx";
import { useKnowledgeErrorMessage } from "../errors.ts";
import { useKnowledgeT } from "../i18n.ts";
import type { KnowledgeEditorDocuments } from "./documents.ts";

type Props = {
  documents: Pick<KnowledgeEditorDocuments, "urgent">;
  article: { id: string; lockVersion: number };
  /** Called with the message to show once the change is in force. */
  onApplied: (message: string) => void;
};

/**
 * The urgent correction (supervisors and admins): puts a published article's change in force at
 * once, without a second reviewer, with a reason the history keeps.
 */
export function UrgentApprovalForm({ documents, article, onApplied }: Props) {
  const t = useKnowledgeT();
  const errorMessage = useKnowledgeErrorMessage();
  const [reason, setReason] = useState("");
  const [missingReason, setMissingReason] = useState(false);
  const [approve, approving] = useMutation(documents.urgent);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason.trim() === "") {
      setMissingReason(true);
      document.getElementById("kb-urgent-reason")?.focus();
      return;
    }
    try {
      const { data } = await approve({ variables: { id: article.id, lockVersion: article.lockVersion, reason: reason.trim() } });
      if (data) {
        setReason("");
        onApplied(t("kbe.change.urgent.done", { number: data.approveArticleChangeUrgently.versionNumber }));
      }
    } catch {
      // Shown from the hook's `error`.
    }
  };

  return (
    <form className="form kb-urgent" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="kb-urgent-form">
      <h3>{t("kbe.change.urgent.title")}</h3>
      <p className="field__hint">{t("kbe.change.urgent.hint")}</p>
      {approving.error ? <Alert testId="kb-urgent-error">{errorMessage(approving.error)}</Alert> : null}
      <Field id="kb-urgent-reason" label={t("kbe.change.urgent.reason")} error={missingReason ? t("common.required") : undefined}>
        <TextInput
          name="reason"
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            setMissingReason(false);
          }}
        />
      </Field>
      <Button type="submit" variant="secondary" busy={approving.loading} data-testid="kb-urgent-approve">
        {t("kbe.change.urgent.submit")}
      </Button>
    </form>
  );
}
