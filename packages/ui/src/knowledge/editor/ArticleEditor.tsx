import { useState, type FormEvent } from "react";
import { Button } from "../../components/Button.tsx";
import { Alert } from "../../components/Feedback.tsx";
import { Field, TextInput } from "../../components/Field.tsx";
import { ArticleView } from "../ArticleView.tsx";
import { ArticleStatusBadge } from "../badges.tsx";
import { useKnowledgeT } from "../i18n.ts";
import type { ArticleRecord, CategoryNode, UnitOption } from "../types.ts";
import { ArticleFormFields } from "./ArticleForm.tsx";
import type { KnowledgeEditorDocuments } from "./documents.ts";
import { ARTICLE_FIELDS, FIELD_IDS, type ArticleField, type ArticleFormValues } from "./formValues.ts";
import { useArticleEditor } from "./useArticleEditor.ts";
import { ArticleHistoryList } from "./ArticleHistory.tsx";
import { PendingChangePanel } from "./PendingChangePanel.tsx";
import { VersionHistory } from "./VersionHistory.tsx";

export type ArticleEditorProps = {
  heading: string;
  documents: KnowledgeEditorDocuments;
  record: ArticleRecord | null;
  initial: ArticleFormValues;
  categories: readonly CategoryNode[];
  units: readonly UnitOption[];
  /** Refetches the article (after a CONFLICT). */
  reload: () => Promise<ArticleRecord | null>;
};

/** The editor form with its actions, or the article read-only when the viewer may not change it now. */
export function ArticleEditor({ heading, documents, record, initial, categories, units, reload }: ArticleEditorProps) {
  const t = useKnowledgeT();
  const { summaryRef, ...editor } = useArticleEditor(documents, record, initial);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const [reloading, setReloading] = useState(false);
  const { feedback } = editor;
  const editable = record === null || record.canEdit;
  // A change under way matters while the article is published (an expired one is edited as a draft).
  const change = record?.status === "PUBLISHED" ? (record.pendingChange ?? null) : null;
  // A published article's change is submitted like a draft (saved first when there are unsaved edits).
  const canSubmit = editable && (record === null || record.status === "DRAFT" || (record.status === "PUBLISHED" && (change?.state === "DRAFT" || editor.dirty)));
  const canArchive = record !== null && record.canEdit && record.status !== "ARCHIVED" && record.status !== "IN_REVIEW";
  const labels: Record<ArticleField, string> = {
    title: t("kbe.field.title"),
    summary: t("kbe.field.summary"),
    body: t("kbe.field.body"),
    categoryIds: t("kbe.field.categories"),
    keywords: t("kbe.field.keywords"),
    owningUnitId: t("kbe.field.owningUnit"),
    audience: t("kbe.field.audience"),
    language: t("kbe.field.language"),
    effectiveFrom: t("kbe.field.effectiveFrom"),
    expiresOn: t("kbe.field.expiresOn"),
    source: t("kbe.field.source"),
  };
  const errorFields = ARTICLE_FIELDS.filter((field) => feedback.errors[field]);
  const busy = editor.saving || editor.submitting || editor.archiving;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void editor.save();
  };

  const onReload = async () => {
    setReloading(true);
    try {
      const fresh = await reload();
      if (fresh) {
        editor.adopt(fresh);
        editor.clearFeedback();
      }
    } finally {
      setReloading(false);
    }
  };

  return (
    <>
      <div className="kb-editor__heading">
        <h1 tabIndex={-1}>{heading}</h1>
        {record ? <ArticleStatusBadge status={record.status} /> : null}
        {record ? <span className="kb-editor__version">{t("kb.article.version", { number: record.versionNumber })}</span> : null}
        {change ? (
          <span className="kb-editor__version" data-testid="kb-change-badge">
            {change.state === "IN_REVIEW" ? t("kbe.list.changeInReview") : t("kbe.list.changeDraft")}
          </span>
        ) : null}
      </div>
      <div ref={summaryRef} tabIndex={-1} className="kb-feedback" data-testid="kb-editor-feedback">
        {feedback.notice ? <Alert tone="success">{feedback.notice}</Alert> : null}
        {feedback.conflict ? (
          <Alert testId="kb-conflict">
            <p>{t("kbe.edit.conflict")}</p>
            <Button variant="secondary" busy={reloading} onClick={() => void onReload()} data-testid="kb-reload">
              {t("kbe.edit.reload")}
            </Button>
          </Alert>
        ) : null}
        {errorFields.length > 0 || feedback.general.length > 0 ? (
          <Alert testId="kb-editor-errors">
            <p>{t("kbe.edit.errorSummary")}</p>
            <ul>
              {feedback.general.map((message) => (
                <li key={message}>{message}</li>
              ))}
              {errorFields.map((field) => (
                <li key={field}>
                  <a href={`#${FIELD_IDS[field]}`}>
                    {labels[field]}: {feedback.errors[field]}
                  </a>
                </li>
              ))}
            </ul>
          </Alert>
        ) : null}
      </div>
      {record && (record.status === "DRAFT" || change?.state === "DRAFT") && record.reviewComment ? (
        <Alert tone="info" testId="kb-review-comment">
          {t("kbe.edit.sentBackBy", { name: record.reviewer?.displayName ?? "", comment: record.reviewComment })}
        </Alert>
      ) : null}

      {record && change ? <PendingChangePanel documents={documents} article={record} onApplied={(message) => editor.applied(message)} /> : null}

      {editable ? (
        <form className="form card kb-editor-form" onSubmit={onSubmit} noValidate data-testid="kb-editor-form">
          {record?.status === "PUBLISHED" ? <p className="field__hint">{t("kbe.edit.publishedNote")}</p> : null}
          <ArticleFormFields values={editor.values} onChange={editor.onChange} errors={feedback.errors} categories={categories} units={units} />
          {record ? (
            <Field id="kb-change-note" label={t("kbe.field.changeNote")} hint={t("kbe.field.changeNote.hint")} optional>
              <TextInput name="changeNote" value={editor.changeNote} onChange={(event) => editor.setChangeNote(event.target.value)} />
            </Field>
          ) : null}
          <div className="button-row">
            <Button type="submit" busy={editor.saving} disabled={busy && !editor.saving} data-testid="kb-save">
              {editor.saving ? t("kbe.edit.saving") : record?.status === "PUBLISHED" ? t("kbe.edit.saveVersion") : t("kbe.edit.save")}
            </Button>
            {canSubmit ? (
              <Button variant="secondary" busy={editor.submitting} disabled={busy && !editor.submitting} onClick={() => void editor.submitForReview()} data-testid="kb-submit-review">
                {editor.submitting ? t("kbe.edit.submitting") : record && !editor.dirty ? t("kbe.edit.submit") : t("kbe.edit.saveAndSubmit")}
              </Button>
            ) : null}
            {canArchive && !confirmArchive ? (
              <Button variant="ghost" onClick={() => setConfirmArchive(true)} data-testid="kb-archive">
                {t("kbe.edit.archive")}
              </Button>
            ) : null}
          </div>
          {confirmArchive ? (
            <div className="kb-confirm" role="group" aria-label={t("kbe.edit.archive")}>
              <p>{t("kbe.edit.archiveConfirm")}</p>
              <div className="button-row">
                <Button variant="secondary" busy={editor.archiving} onClick={() => void editor.archiveArticle().then(() => setConfirmArchive(false))} data-testid="kb-archive-confirm">
                  {t("kbe.edit.archiveYes")}
                </Button>
                <Button variant="ghost" onClick={() => setConfirmArchive(false)}>
                  {t("kbe.edit.cancel")}
                </Button>
              </div>
            </div>
          ) : null}
        </form>
      ) : record ? (
        <div className="card">
          <Alert tone="info">{t("kbe.edit.readOnly")}</Alert>
          <ArticleView article={record} headingLevel={2} />
        </div>
      ) : null}

      {record ? <VersionHistory documents={documents} article={record} /> : null}
      {record?.history ? <ArticleHistoryList entries={record.history} /> : null}
    </>
  );
}
