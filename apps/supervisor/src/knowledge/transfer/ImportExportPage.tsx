import { ExportPanel } from "./ExportPanel.tsx";
import { ImportPanel } from "./ImportPanel.tsx";
import { useSupervisorKnowledgeT } from "../messages.ts";

/** Import (upload → job with progress → report) and export (JSON / Markdown zip). */
export function ImportExportPage() {
  const t = useSupervisorKnowledgeT();
  return (
    <div className="kb-transfer">
      <h1 tabIndex={-1}>{t("kbs.transfer.title")}</h1>
      <p className="kb-intro">{t("kbs.transfer.intro")}</p>
      <div className="kb-transfer__panels">
        <section className="card" aria-labelledby="kb-import-title">
          <h2 id="kb-import-title">{t("kbs.import.title")}</h2>
          <ImportPanel />
        </section>
        <section className="card" aria-labelledby="kb-export-title">
          <h2 id="kb-export-title">{t("kbs.export.title")}</h2>
          <ExportPanel />
        </section>
      </div>
    </div>
  );
}
