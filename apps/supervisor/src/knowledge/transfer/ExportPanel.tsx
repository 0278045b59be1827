import { useMutation } from "@apollo/client/react";
import { Alert, ARTICLE_STATUSES, Button, Field, Select, useArticleStatusLabel, useKnowledgeErrorMessage, type ArticleStatus } from "@civicline/ui";
import { useState } from "react";
import { KbExportArticlesDocument, type ExportFormat } from "../../gql/graphql.ts";
import { useSupervisorKnowledgeT } from "../messages.ts";

/** Starts the browser's download of a file the gateway serves with content-disposition. */
export function downloadFile(url: string, filename: string): void {
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
}

/** Export buttons (JSON, Markdown zip) with a status filter; the file downloads as soon as it is ready. */
export function ExportPanel({ download = downloadFile }: { download?: (url: string, filename: string) => void }) {
  const t = useSupervisorKnowledgeT();
  const statusLabel = useArticleStatusLabel();
  const errorMessage = useKnowledgeErrorMessage();
  const [status, setStatus] = useState<ArticleStatus | "">("PUBLISHED");
  const [pending, setPending] = useState<ExportFormat | null>(null);
  const [exportArticles, { data, error, reset }] = useMutation(KbExportArticlesDocument);

  const run = async (format: ExportFormat) => {
    reset();
    setPending(format);
    try {
      const result = await exportArticles({ variables: { format, status: status || null } });
      const file = result.data?.exportArticles;
      if (file) {
        download(file.url, file.filename);
      }
    } catch {
      // Shown from the hook's `error`.
    } finally {
      setPending(null);
    }
  };

  const file = data?.exportArticles;
  return (
    <div className="form" data-testid="kb-export">
      <Field id="kb-export-status" label={t("kbs.export.status")}>
        <Select
          placeholder={t("kbs.export.status.all")}
          value={status}
          options={ARTICLE_STATUSES.map((value) => ({ value, label: statusLabel(value) }))}
          onChange={(event) => setStatus(ARTICLE_STATUSES.find((value) => value === event.target.value) ?? "")}
        />
      </Field>
      <div className="button-row">
        <Button variant="secondary" busy={pending === "JSON"} disabled={pending === "MARKDOWN"} onClick={() => void run("JSON")} data-testid="kb-export-json">
          {t("kbs.export.json")}
        </Button>
        <Button variant="secondary" busy={pending === "MARKDOWN"} disabled={pending === "JSON"} onClick={() => void run("MARKDOWN")} data-testid="kb-export-markdown">
          {t("kbs.export.markdown")}
        </Button>
      </div>
      <div aria-live="polite">
        {pending ? <p className="loading">{t("kbs.export.preparing")}</p> : null}
        {file && !pending ? (
          <p data-testid="kb-export-ready">
            {t("kbs.export.ready")}{" "}
            <a href={file.url} download={file.filename}>
              {t("kbs.export.download", { filename: file.filename })}
            </a>
          </p>
        ) : null}
      </div>
      {error ? <Alert>{errorMessage(error)}</Alert> : null}
    </div>
  );
}
