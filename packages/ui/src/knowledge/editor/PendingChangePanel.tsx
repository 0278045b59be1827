import { useQuery } from "@apollo/client/react";
import { useId } from "react";
import { Alert, Loading } from "../../components/Feedback.tsx";
import { ArticleDiffView } from "../DiffView.tsx";
import { useKnowledgeErrorMessage } from "../errors.ts";
import { useKnowledgeT } from "../i18n.ts";
import type { ArticleRecord } from "../types.ts";
import type { KnowledgeEditorDocuments } from "./documents.ts";
import { UrgentApprovalForm } from "./UrgentApprovalForm.tsx";

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
  if (!change) {
    return null;
  }
  const values = { number: change.version.number, current: article.versionNumber, name: change.editor.displayName };

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
        <UrgentApprovalForm documents={documents} article={article} onApplied={onApplied} />
      ) : null}
    </section>
  );
}
