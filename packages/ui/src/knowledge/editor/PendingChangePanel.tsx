import { useMutation, useQuery } from "@apollo/client/react";
import { useId, useState, type FormEvent } from "react";
import { Button } from "../../components/Button.tsx";
import { Alert, Loading } from "../../components/Feedback.tsx";
import { Field, TextInput } from "../../components/Field.tsx";
import { ArticleDiffView } from "../DiffView.tsx";
import { useKnowledgeErrorMessage } from "../errors.ts";
import { useKnowledgeT } from "../i18n.ts";
import type { ArticleRecord } from "../types.ts";
import type { KnowledgeEditorDocuments } from "./documents.ts";

type Props = {
  documents: Pick<KnowledgeEditorDocuments, "diff" | "urgent">;
  article: ArticleRecord;
  /** Called with the message to show once an urgent approval put the change in force. */
  onApplied: (message: string) => void;
};

/**
 * A published article's change under way: where it is (being edited, or waiting for review), what it
 * changes against the version in force, and — for supervisors and admins — the urgent correction.
 */
export function PendingChangePanel({ documents, article, onApplied }: Props) {
  const t = useKnowledgeT();
  const errorMessage = useKnowledgeErrorMessage();
  const headingId = useId();
  const change = article.pendingChange;
  const diff = useQuery(documents.diff, {
    variables: { id: article.id, fromVersion: article.versionNumber, toVersion: change?.version.number ?? 0 },
    skip: !change,
    fetchPolicy: "network-only",
  });
  const [reason, setReason] = useState("");
  const [missingReason, setMissingReason] = useState(false);
  const [approve, approving] = useMutation(documents.urgent);
  if (!change) {
    return null;
  }
  const values = { number: change.version.number, current: article.versionNumber, name: change.editor.displayName };

  const onUrgent = async (event: FormEvent<HTMLFormElement>) => {
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
    <section className="kb-change card" aria-labelledby={headingId} data-testid="kb-pending-change" data-state={change.state}>
      <Alert tone="info" testId="kb-change-notice">
        {change.state === "IN_REVIEW" ? t("kbe.change.inReview", values) : t("kbe.change.draft", values)}
      </Alert>
      <h2 id={headingId}>{t("kbe.change.diffTitle")}</h2>
      {diff.loading ? <Loading /> : null}
      {diff.error ? <Alert>{`${t("kbe.versions.loadFailed")} ${errorMessage(diff.error) ?? ""}`}</Alert> : null}
      {diff.data ? <ArticleDiffView diff={diff.data.articleDiff} headingLevel={3} /> : null}
      {article.canApproveUrgently ? (
        <form className="form kb-urgent" onSubmit={(event) => void onUrgent(event)} noValidate data-testid="kb-urgent-form">
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
      ) : null}
    </section>
  );
}
