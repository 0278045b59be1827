import { useMutation } from "@apollo/client/react";
import { Alert, Button, Field, Select, useFieldControl, useKnowledgeErrorMessage } from "@civicline/ui";
import { useId, useState, type FormEvent, type InputHTMLAttributes } from "react";
import { KbImportArticlesDocument, type ImportFormat, type KbImportJobFieldsFragment } from "../../gql/graphql.ts";
import { useSupervisorKnowledgeT } from "../messages.ts";
import { ImportProgress } from "./ImportProgress.tsx";
import { formatForFile, MAX_UPLOAD_BYTES, uploadFile, UploadError } from "./upload.ts";
import { IMPORT_POLL_MS, useImportJob } from "./useImportJob.ts";

export type ImportPanelProps = {
  /** Injected in tests; the real `fetch` otherwise. */
  fetchImpl?: typeof fetch;
  pollMs?: number;
};

/** Choose a file, upload it, start the import and follow its progress to the report. */
export function ImportPanel({ fetchImpl, pollMs = IMPORT_POLL_MS }: ImportPanelProps) {
  const t = useSupervisorKnowledgeT();
  const errorMessage = useKnowledgeErrorMessage();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat | "">("");
  const [problem, setProblem] = useState<{ field?: "file" | "format"; message: string } | null>(null);
  const [uploading, setUploading] = useState(false);
  const [job, setJob] = useState<KbImportJobFieldsFragment | null>(null);
  const [start, starting] = useMutation(KbImportArticlesDocument);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) {
      setProblem({ field: "file", message: t("kbs.import.noFile") });
      return;
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      setProblem({ field: "file", message: t("kbs.import.tooLarge") });
      return;
    }
    if (!format) {
      setProblem({ field: "format", message: t("kbs.import.noFormat") });
      return;
    }
    // runImport reports its own failure in the panel, so nothing is left to await.
    void runImport(file, format);
  };

  const runImport = async (file: File, format: ImportFormat) => {
    setProblem(null);
    setUploading(true);
    try {
      const uploaded = await uploadFile(file, fetchImpl);
      const { data } = await start({ variables: { uploadId: uploaded.id, format } });
      if (data) {
        setJob(data.importArticles);
      }
    } catch (error) {
      if (error instanceof UploadError) {
        const reason = error.code === "NETWORK" ? t("error.NETWORK") : error.message;
        setProblem({ message: t("kbs.import.uploadFailed", { reason }) });
      } else {
        setProblem({ message: errorMessage(error) ?? t("error.UNKNOWN") });
      }
    } finally {
      setUploading(false);
    }
  };

  if (job) {
    return (
      <div className="kb-import">
        <TrackedImport started={job} pollMs={pollMs} />
        <Button variant="secondary" onClick={() => setJob(null)} data-testid="kb-import-another">
          {t("kbs.import.another")}
        </Button>
      </div>
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="kb-import-form">
      {problem && !problem.field ? <Alert testId="kb-import-error">{problem.message}</Alert> : null}
      <Field id={fileId} label={t("kbs.import.file")} hint={t("kbs.import.file.hint")} error={problem?.field === "file" ? problem.message : undefined}>
        <FileInput
          className="input kb-file"
          accept=".json,.md,.markdown,.zip,application/json,text/markdown,application/zip"
          data-testid="kb-import-file"
          onChange={(event) => {
            const chosen = event.target.files?.[0] ?? null;
            setFile(chosen);
            setProblem(null);
            setFormat(chosen ? (formatForFile(chosen.name) ?? "") : "");
          }}
        />
      </Field>
      <Field id="kb-import-format" label={t("kbs.import.format")} error={problem?.field === "format" ? problem.message : undefined}>
        <Select
          value={format}
          options={(["JSON", "MARKDOWN"] as const).map((value) => ({ value, label: t(`kbs.import.format.${value}`) }))}
          onChange={(event) => setFormat(event.target.value === "JSON" || event.target.value === "MARKDOWN" ? event.target.value : "")}
        />
      </Field>
      <div className="button-row">
        <Button type="submit" busy={uploading || starting.loading} data-testid="kb-import-start">
          {uploading ? t("kbs.import.uploading") : t("kbs.import.start")}
        </Button>
      </div>
    </form>
  );
}

/** A file input wired to its <Field> (label, hint and error). */
function FileInput(props: InputHTMLAttributes<HTMLInputElement>) {
  const wiring = useFieldControl();
  return <input type="file" {...wiring} {...props} />;
}

function TrackedImport({ started, pollMs }: { started: KbImportJobFieldsFragment; pollMs: number }) {
  const { job, polling, liveDown } = useImportJob(started, pollMs);
  return <ImportProgress job={job} polling={polling && liveDown} />;
}
