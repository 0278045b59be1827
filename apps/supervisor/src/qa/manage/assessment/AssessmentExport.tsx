import { useApolloClient } from "@apollo/client/react";
import { Alert, Button, useErrorMessage, useLanguage } from "@civicline/ui";
import { useState } from "react";
import { QmAssessmentExportDocument, type QaExportFormat } from "../../../gql/graphql.ts";
import { useQaManageT } from "../messages.ts";

/** Hands a file the API sent (base64) to the browser as a download. */
export function downloadBase64(file: { filename: string; contentType: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** CSV (with a BOM, opens in Excel) and PDF of the assessment as shown, in the UI language. */
export function AssessmentExport({ month, teamId, weightsVersion }: { month: string; teamId: string | null; weightsVersion: number | null }) {
  const t = useQaManageT();
  const client = useApolloClient();
  const { language } = useLanguage();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState<QaExportFormat | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async (format: QaExportFormat) => {
    setBusy(format);
    setFailed(null);
    setDone(null);
    try {
      const result = await client.query({ query: QmAssessmentExportDocument, variables: { month, format, language, teamId, weightsVersion }, fetchPolicy: "no-cache" });
      const file = result.data?.qaMonthlyAssessmentExport;
      if (file) {
        downloadBase64(file);
        setDone(t("qm.as.exported", { filename: file.filename }));
      }
    } catch (error) {
      setFailed(errorMessage(error) ?? t("qm.loadFailed"));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="qm-export" role="group" aria-label={t("qm.as.export")}>
      <Button variant="secondary" busy={busy === "CSV"} onClick={() => void run("CSV")} data-testid="qa-as-csv">
        {t("qm.as.csv")}
      </Button>
      <Button variant="secondary" busy={busy === "PDF"} onClick={() => void run("PDF")} data-testid="qa-as-pdf">
        {t("qm.as.pdf")}
      </Button>
      <span aria-live="polite">
        {failed ? <Alert>{failed}</Alert> : null}
        {done ? <span className="field__hint" data-testid="qa-as-exported">{done}</span> : null}
      </span>
    </div>
  );
}
