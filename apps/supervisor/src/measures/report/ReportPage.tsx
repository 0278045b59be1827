import { useMutation, useQuery, useSubscription } from "@apollo/client/react";
import { Alert, Button, EmptyState, enumLabelOf, Field, Loading, RadioGroup, Select, TableScroll, TextInput, useErrorMessage, useFieldErrors, useLanguage, useLiveStatus } from "@civicline/ui";
import { useMemo, useState, type FormEvent } from "react";
import { RptReportDocument, RptReportProgressDocument, RptReportsDocument, RptStartReportDocument, type RptReportFieldsFragment } from "../../gql/graphql.ts";
import { useReportT } from "./messages.ts";
import { PERIOD_PRESETS, presetRange, shanghaiToday, type PeriodPreset } from "./period.ts";
import "./report.css";

/** While live updates are down (or before the first push), a running report is polled this often. */
export const REPORT_POLL_MS = 2000;

const isFinished = (report: Pick<RptReportFieldsFragment, "status">) => report.status === "DONE" || report.status === "FAILED";

/**
 * A report kept current: pushed by `oversightReportProgress` after every step, and polled with
 * `oversightReport` until the first push arrives and whenever the subscription is down; both write
 * the cache entry the list reads.
 */
function useReport(started: RptReportFieldsFragment) {
  const [pushed, setPushed] = useState(false);
  const liveStatus = useLiveStatus();
  const live = useSubscription(RptReportProgressDocument, { variables: { id: started.id }, skip: isFinished(started), onData: () => setPushed(true) });
  const liveDown = Boolean(live.error) || liveStatus === "reconnecting";
  const [polling, setPolling] = useState(!isFinished(started));
  useQuery(RptReportDocument, { variables: { id: started.id }, pollInterval: polling ? REPORT_POLL_MS : 0, skip: isFinished(started), notifyOnNetworkStatusChange: false });
  // Pushes and polls land in the normalized cache entry (OversightReport:<id>) that the list reads:
  // `started` is always the freshest. (A hook's own data can lag: once the list shows DONE the
  // subscription is skipped, and its last result may be the step before.)
  const report = started;
  const shouldPoll = !isFinished(report) && (!pushed || liveDown);
  if (shouldPoll !== polling) {
    setPolling(shouldPoll);
  }
  return { report, polling: shouldPoll && pushed };
}

function ReportRow({ started }: { started: RptReportFieldsFragment }) {
  const t = useReportT();
  const { language } = useLanguage();
  const { report, polling } = useReport(started);
  const zh = language === "zh-CN";
  const unitName = report.unitId ? ((zh ? report.unitNameZh : report.unitNameEn || report.unitNameZh) ?? report.unitId) : null;
  const scope = unitName ? (report.includeSubUnits ? t("rpt.withSub", { unit: unitName }) : unitName) : t("rpt.allUnits");
  const period = t("rpt.periodText", { from: report.from, to: report.to });
  const step = report.step ? enumLabelOf(language, "OversightReportStep", report.step) : enumLabelOf(language, "OversightReportStatus", report.status);
  return (
    <tr data-testid="report-row" data-status={report.status} data-report-id={report.id}>
      <td>{scope}</td>
      <td>{period}</td>
      <td>{report.language === "zh-CN" ? t("rpt.language.zh") : t("rpt.language.en")}</td>
      <td>
        {report.status === "FAILED" ? (
          <span className="report-failed" data-testid="report-failed">
            {t("rpt.failed", { error: report.error ?? "" })}
          </span>
        ) : report.status === "DONE" ? (
          <span data-testid="report-status">{enumLabelOf(language, "OversightReportStatus", report.status)}</span>
        ) : (
          <>
            <progress className="report-progress" max={100} value={report.progress} aria-label={t("rpt.progressLabel", { scope, period })} data-testid="report-progress" />
            <span className="report-progress__text" data-testid="report-status">
              {t("rpt.progress", { percent: report.progress, step })}
            </span>
            {polling ? <span className="field__hint">{t("rpt.polling")}</span> : null}
          </>
        )}
      </td>
      <td>
        {report.files.length > 0 ? (
          <ul className="report-files">
            {report.files.map((file) => (
              <li key={file.id}>
                <a href={file.url} download={file.filename} data-testid={`report-file-${file.kind}`}>
                  {t("rpt.download", { kind: enumLabelOf(language, "OversightReportFileKind", file.kind), size: Math.max(1, Math.round(file.size / 1024)) })}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </td>
    </tr>
  );
}

/** The oversight report page: a form to start a report, and the caller's reports with progress and downloads. */
export function ReportPage() {
  const t = useReportT();
  const { language } = useLanguage();
  const errorMessage = useErrorMessage();
  const toFieldErrors = useFieldErrors();
  const today = useMemo(() => shanghaiToday(), []);
  const reports = useQuery(RptReportsDocument);
  const [start, started] = useMutation(RptStartReportDocument, {
    update(cache, result) {
      const created = result.data?.startOversightReport;
      const current = cache.readQuery({ query: RptReportsDocument });
      if (created && current) {
        cache.writeQuery({ query: RptReportsDocument, data: { ...current, oversightReports: [created, ...current.oversightReports.filter((r) => r.id !== created.id)] } });
      }
    },
  });
  const [unitId, setUnitId] = useState("");
  const [includeSubUnits, setIncludeSubUnits] = useState(true);
  const [preset, setPreset] = useState<PeriodPreset>("lastMonth");
  const initial = presetRange("lastMonth", today)!;
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [reportLanguage, setReportLanguage] = useState<string>(language);
  const [justStarted, setJustStarted] = useState(false);

  const choosePreset = (value: string) => {
    const next = (PERIOD_PRESETS as readonly string[]).includes(value) ? (value as PeriodPreset) : "custom";
    setPreset(next);
    const range = presetRange(next, today);
    if (range) {
      setFrom(range.from);
      setTo(range.to);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setJustStarted(false);
    try {
      await start({ variables: { input: { unitId: unitId || null, includeSubUnits: unitId ? includeSubUnits : null, from, to, language: reportLanguage } } });
      setJustStarted(true);
    } catch {
      // shown from the mutation's error
    }
  };

  const fields = started.error ? toFieldErrors(started.error) : {};
  const formError = started.error && Object.keys(fields).length === 0 ? errorMessage(started.error) : undefined;
  const zh = language === "zh-CN";
  const unitOptions = [...(reports.data?.units ?? [])]
    .map((unit) => ({ value: unit.id, label: zh ? unit.nameZh : unit.nameEn || unit.nameZh }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
  const list = reports.data?.oversightReports ?? [];

  return (
    <section className="report-page" aria-labelledby="rpt-title" data-testid="report-page">
      <h1 id="rpt-title" tabIndex={-1}>
        {t("rpt.title")}
      </h1>
      <p className="report-page__intro">{t("rpt.intro")}</p>

      <form className="card form report-form" onSubmit={(event) => void submit(event)} aria-labelledby="rpt-form-title" noValidate>
        <h2 id="rpt-form-title">{t("rpt.form")}</h2>
        <div className="report-form__grid">
          <Field id="rpt-unit" label={t("rpt.unit")} error={fields.unitId}>
            <Select value={unitId} onChange={(event) => setUnitId(event.target.value)} options={unitOptions} placeholder={t("rpt.unit.all")} data-testid="report-unit" />
          </Field>
          <label className="report-form__check">
            <input type="checkbox" checked={unitId ? includeSubUnits : true} disabled={!unitId} onChange={(event) => setIncludeSubUnits(event.target.checked)} data-testid="report-subunits" />
            {t("rpt.subUnits")}
          </label>
          <RadioGroup
            name="rpt-period"
            legend={t("rpt.period")}
            value={preset}
            inline
            options={PERIOD_PRESETS.map((value) => ({ value, label: t(`rpt.period.${value}`) }))}
            onChange={choosePreset}
            testId="report-period"
          />
          <div className="report-form__dates">
            <Field id="rpt-from" label={t("rpt.from")} error={fields.from} hint={t("rpt.days")}>
              <TextInput type="date" value={from} onChange={(event) => { setFrom(event.target.value); setPreset("custom"); }} data-testid="report-from" />
            </Field>
            <Field id="rpt-to" label={t("rpt.to")} error={fields.to}>
              <TextInput type="date" value={to} onChange={(event) => { setTo(event.target.value); setPreset("custom"); }} data-testid="report-to" />
            </Field>
          </div>
          <Field id="rpt-language" label={t("rpt.language")} error={fields.language}>
            <Select
              value={reportLanguage}
              placeholder={null}
              onChange={(event) => setReportLanguage(event.target.value)}
              options={[
                { value: "zh-CN", label: t("rpt.language.zh") },
                { value: "en", label: t("rpt.language.en") },
              ]}
              data-testid="report-language"
            />
          </Field>
        </div>
        <p className="field__hint">{t("rpt.help")}</p>
        <div className="button-row">
          <Button type="submit" busy={started.loading} data-testid="report-start">
            {t("rpt.start")}
          </Button>
        </div>
        <div aria-live="polite">
          {justStarted && !started.loading ? (
            <Alert tone="success">
              <span data-testid="report-started">{t("rpt.started")}</span>
            </Alert>
          ) : null}
        </div>
        {formError ? <Alert>{formError}</Alert> : null}
      </form>

      <section aria-labelledby="rpt-list-title" className="report-list">
        <h2 id="rpt-list-title">{t("rpt.list")}</h2>
        {reports.loading && !reports.data ? (
          <Loading />
        ) : reports.error ? (
          <Alert>{t("rpt.loadFailed")}</Alert>
        ) : list.length === 0 ? (
          <EmptyState testId="report-empty" title={t("rpt.list.empty")} />
        ) : (
          <TableScroll label={t("rpt.list")}>
            <table className="report-table" data-testid="report-list">
              <caption className="visually-hidden">{t("rpt.list")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("rpt.col.scope")}</th>
                  <th scope="col">{t("rpt.col.period")}</th>
                  <th scope="col">{t("rpt.col.language")}</th>
                  <th scope="col">{t("rpt.col.status")}</th>
                  <th scope="col">{t("rpt.col.files")}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((report) => (
                  <ReportRow key={report.id} started={report} />
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </section>
  );
}
