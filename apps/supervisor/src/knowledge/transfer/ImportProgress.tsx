import { Alert, TableScroll, useFormat } from "@civicline/ui";
import { useId } from "react";
import type { KbImportJobFieldsFragment } from "../../gql/graphql.ts";
import { useSupervisorKnowledgeT } from "../messages.ts";

export type ImportProgressProps = {
  job: KbImportJobFieldsFragment;
  /** Live updates are down and the page is polling. */
  polling?: boolean;
};

/**
 * A labelled progress bar (indeterminate until the job knows its size), the running counts, and,
 * once finished, the items that were not imported with their reasons.
 */
export function ImportProgress({ job, polling = false }: ImportProgressProps) {
  const t = useSupervisorKnowledgeT();
  const format = useFormat();
  const labelId = useId();
  const finished = job.status === "DONE" || job.status === "FAILED";
  const counts = t("kbs.import.progressText", { processed: job.processed, total: job.total, imported: job.imported, rejected: job.rejected });
  return (
    <section className="kb-import-progress" aria-labelledby={labelId} data-testid="kb-import-job" data-status={job.status}>
      <h3 id={labelId}>{t("kbs.import.progress")}</h3>
      <p className="kb-import-progress__status" role="status">
        {t(`kbs.import.status.${job.status}`)}
      </p>
      <progress
        className="kb-import-progress__bar"
        aria-labelledby={labelId}
        aria-valuetext={counts}
        max={job.total > 0 ? job.total : undefined}
        value={job.total > 0 ? job.processed : undefined}
        data-testid="kb-import-progress"
      />
      <p className="kb-import-progress__counts" data-testid="kb-import-counts">
        {counts}
      </p>
      {polling && !finished ? <p className="field__hint">{t("kbs.import.polling")}</p> : null}
      {job.status === "FAILED" ? <Alert>{t("kbs.import.status.FAILED")}</Alert> : null}
      {finished && job.rejections.length === 0 && job.status === "DONE" ? (
        <Alert tone="success">{t("kbs.import.allImported", { count: job.imported })}</Alert>
      ) : null}
      {finished && job.rejections.length > 0 ? (
        <div className="kb-import-progress__rejections">
          <h4>{t("kbs.import.rejections")}</h4>
          <p className="field__hint">{t("kbs.import.rejections.caption")}</p>
          <TableScroll label={t("kbs.import.rejections.caption")}>
            <table className="kb-table" data-testid="kb-import-rejections">
              <caption className="visually-hidden">{t("kbs.import.rejections.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("kbs.import.col.index")}</th>
                  <th scope="col">{t("kbs.import.col.title")}</th>
                  <th scope="col">{t("kbs.import.col.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {job.rejections.map((rejection) => (
                  <tr key={rejection.index}>
                    <td className="kb-num">{rejection.index + 1}</td>
                    <td>{rejection.title ?? t("kbs.import.noTitle")}</td>
                    <td>{rejection.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      ) : null}
      {job.finishedAt ? (
        <p className="field__hint">
          {t("kbs.import.finishedAt", { time: format.dateTime(job.finishedAt) })}
        </p>
      ) : null}
    </section>
  );
}
