import { DomainError, Role, User, ValidationError, requireRole, saveFile, type Actor, type AppServices, type FieldError, type PgPubSub } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { gatherReport, unitSubtree, type ReportStep } from "./report-data.js";
import { reportCsvFiles } from "./report-csv.js";
import { ReportJob, type ReportFileValue, type ReportLanguageValue } from "./report-job.entity.js";
import type { ReportQuery, ReportSources } from "./report-model.js";
import { reportPdf } from "./report-pdf.js";

/** Who may produce oversight reports: the centre's supervisors, leaders and admins. */
export const REPORT_ROLES: readonly Role[] = [Role.SUPERVISOR, Role.LEADER, Role.ADMIN];
/** Progress topic; subscribers listen on `${REPORT_PROGRESS_TOPIC}:<job id>`, payload `{ jobId }`. */
export const REPORT_PROGRESS_TOPIC = "SUPERVISION_REPORT_PROGRESS";
/** The longest period a report covers (days). */
export const MAX_REPORT_DAYS = 366;

export const ReportErrorCode = { NOT_FOUND: "SUPERVISION/REPORT_NOT_FOUND" } as const;

/** The steps of a job in order (the UI translates them); progress = steps done / all steps. */
export const REPORT_STEPS = ["FIGURES", "RANKING", "OVERDUE", "RETURNED", "RE_REPORTED", "ORDERS", "PDF", "CSV"] as const;
export type ReportStepValue = (typeof REPORT_STEPS)[number];

type Logger = AppServices["log"];
export type ReportServices = { dataSource: DataSource; pubsub?: Pick<PgPubSub, "publish"> | null; log?: Logger; now?: () => Date; sources: ReportSources };

export type ReportRequest = { unitId?: string | null; includeSubUnits?: boolean | null; from: string; to: string; language: ReportLanguageValue };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A real calendar day written YYYY-MM-DD (2026-13-01 and 2026-02-30 are not). */
const isDay = (value: string) => {
  const time = DAY.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
};

/** The [start, end) instants of a period of Asia/Shanghai days. */
export function periodInstants(from: string, to: string): { start: Date; end: Date } {
  const start = new Date(`${from}T00:00:00+08:00`);
  const end = new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000);
  return { start, end };
}

/** Checks a request all at once (BAD_USER_INPUT listing every field); nothing is stored when it fails. */
export async function checkReportRequest(db: DataSource, request: ReportRequest): Promise<void> {
  const errors: FieldError[] = [];
  const fromOk = typeof request.from === "string" && isDay(request.from);
  const toOk = typeof request.to === "string" && isDay(request.to);
  if (!fromOk) {
    errors.push({ field: "from", code: "INVALID_FORMAT", message: "Give the first day as YYYY-MM-DD, like 2026-11-01." });
  }
  if (!toOk) {
    errors.push({ field: "to", code: "INVALID_FORMAT", message: "Give the last day as YYYY-MM-DD, like 2026-11-30." });
  }
  if (fromOk && toOk) {
    const days = (Date.parse(request.to) - Date.parse(request.from)) / 86_400_000 + 1;
    if (days < 1) {
      errors.push({ field: "to", code: "INVALID_RANGE", message: "The last day is before the first day." });
    } else if (days > MAX_REPORT_DAYS) {
      errors.push({ field: "to", code: "INVALID_RANGE", message: `A report covers at most ${MAX_REPORT_DAYS} days (a year, as the ranking).` });
    }
  }
  if (request.language !== "zh-CN" && request.language !== "en") {
    errors.push({ field: "language", code: "INVALID_FORMAT", message: "Choose Chinese (zh-CN) or English (en)." });
  }
  if (request.unitId) {
    const known = UUID.test(request.unitId) && ((await db.query("SELECT 1 FROM routing_unit WHERE id = $1", [request.unitId])) as unknown[]).length > 0;
    if (!known) {
      errors.push({ field: "unitId", code: "UNKNOWN", message: "This unit is not in the list of handling units." });
    }
  }
  if (errors.length > 0) {
    throw new ValidationError(errors);
  }
}

function reportNotFound(): DomainError {
  return new DomainError(ReportErrorCode.NOT_FOUND, "This report does not exist or was started by someone else.");
}

/** A report job, for whoever started it or an admin. */
export async function getReportJob(db: DataSource, input: { actor: Actor | null; id: string }): Promise<ReportJob> {
  const actor = requireRole(input.actor, REPORT_ROLES);
  const job = UUID.test(input.id) ? await db.getRepository(ReportJob).findOneBy({ id: input.id }) : null;
  if (!job || (job.startedBy !== actor.id && !actor.roles.includes(Role.ADMIN))) {
    throw reportNotFound();
  }
  return job;
}

/** The caller's latest reports (index supervision_report_job_starter_idx), newest first. */
export async function listReportJobs(db: DataSource, input: { actor: Actor | null; limit?: number }): Promise<ReportJob[]> {
  const actor = requireRole(input.actor, REPORT_ROLES);
  return db.getRepository(ReportJob).find({ where: { startedBy: actor.id }, order: { createdAt: "DESC", id: "DESC" }, take: Math.min(Math.max(input.limit ?? 10, 1), 50) });
}

/** Checks the request, creates a QUEUED job and produces it in the background; follow it with `oversightReport` or the progress subscription. */
export async function startReport(services: ReportServices & { actor: Actor | null; request: ReportRequest }): Promise<ReportJob> {
  const actor = requireRole(services.actor, REPORT_ROLES);
  await checkReportRequest(services.dataSource, services.request);
  const repo = services.dataSource.getRepository(ReportJob);
  const job = await repo.save(
    repo.create({
      status: "QUEUED",
      language: services.request.language,
      unitId: services.request.unitId || null,
      includeSubUnits: services.request.unitId ? services.request.includeSubUnits !== false : true,
      periodFrom: services.request.from,
      periodTo: services.request.to,
      startedBy: actor.id,
    }),
  );
  void processReportJob({ ...services, jobId: job.id, actor }).catch((error: unknown) => services.log?.error({ err: error, jobId: job.id }, "oversight report failed"));
  return job;
}

async function actorFor(dataSource: DataSource, userId: string): Promise<Actor> {
  const user = await dataSource.getRepository(User).findOneByOrFail({ id: userId });
  return { kind: "staff", id: user.id, name: user.displayName, roles: user.roles, unitId: user.unitId };
}

const safeName = (text: string) => text.replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 60);

/**
 * Produces a job's report: gathers it (figures, ranking, ticket lists through the ticket search as
 * the starter sees them, orders), renders the PDF and the CSV tables, stores them as files owned by
 * the starter, and marks the job DONE — the files and the DONE state in one transaction. Progress is
 * written and published after every step. A failure marks the job FAILED with a sentence for the
 * person (details go to the log). Starting again from the beginning is safe (resumeStaleReports).
 */
export async function processReportJob(services: ReportServices & { jobId: string; actor?: Actor; afterStep?: (job: ReportJob) => Promise<void> }): Promise<ReportJob> {
  const { dataSource } = services;
  const repo = dataSource.getRepository(ReportJob);
  const publish = (id: string) => services.pubsub?.publish(`${REPORT_PROGRESS_TOPIC}:${id}`, { jobId: id });
  let job = await repo.findOneByOrFail({ id: services.jobId });
  const step = async (name: ReportStepValue) => {
    const progress = Math.round((REPORT_STEPS.indexOf(name) / REPORT_STEPS.length) * 100);
    await dataSource.query(`UPDATE supervision_report_job SET status = 'RUNNING', step = $2, progress = $3, started_at = coalesce(started_at, now()), updated_at = now() WHERE id = $1`, [job.id, name, progress]);
    publish(job.id);
    if (services.afterStep) {
      await services.afterStep(await repo.findOneByOrFail({ id: job.id }));
    }
  };
  try {
    const actor = services.actor ?? (await actorFor(dataSource, job.startedBy));
    const now = services.now?.() ?? new Date();
    const unitIds = job.unitId ? (job.includeSubUnits ? await unitSubtree(dataSource, job.unitId) : [job.unitId]) : null;
    const query: ReportQuery = {
      db: dataSource,
      actor,
      language: job.language,
      unitId: job.unitId,
      includeSubUnits: job.includeSubUnits,
      unitIds,
      from: job.periodFrom,
      to: job.periodTo,
      ...periodInstants(job.periodFrom, job.periodTo),
      now,
    };
    const model = await gatherReport(query, services.sources, (name: ReportStep) => step(name));
    await step("PDF");
    const { pdf, replaced } = await reportPdf(model);
    if (replaced.length > 0) {
      services.log?.warn({ jobId: job.id, characters: replaced.length }, "oversight report: characters without a glyph were printed as ?");
    }
    await step("CSV");
    const csvFiles = reportCsvFiles(model);
    const base = `oversight-report-${safeName(model.scopeName)}-${job.periodFrom}_${job.periodTo}-${job.language}`;
    await dataSource.transaction(async (manager) => {
      const files: ReportFileValue[] = [];
      const saved = await saveFile(manager, { filename: `${base}.pdf`, contentType: "application/pdf", data: pdf, ownerId: job.startedBy });
      files.push({ kind: "PDF", id: saved.id, filename: saved.filename, size: saved.size });
      for (const file of csvFiles) {
        const ref = await saveFile(manager, { filename: `${base}-${file.name}.csv`, contentType: "text/csv; charset=utf-8", data: file.data, ownerId: job.startedBy });
        files.push({ kind: file.kind, id: ref.id, filename: ref.filename, size: ref.size });
      }
      await manager.query(`UPDATE supervision_report_job SET status = 'DONE', step = NULL, progress = 100, files = $2::jsonb, error = NULL, finished_at = now(), updated_at = now() WHERE id = $1`, [
        job.id,
        JSON.stringify(files),
      ]);
    });
  } catch (error) {
    services.log?.error({ err: error, jobId: job.id }, "oversight report stopped");
    const message = error instanceof DomainError ? error.message : "The report could not be produced; try again, and tell the administrator if it fails again.";
    await dataSource.query(`UPDATE supervision_report_job SET status = 'FAILED', error = $2, finished_at = now(), updated_at = now() WHERE id = $1`, [job.id, message]);
  }
  job = await repo.findOneByOrFail({ id: job.id });
  publish(job.id);
  return job;
}

/** Starts again, from the beginning, jobs left QUEUED or RUNNING without a heartbeat for two minutes (their process died). */
export async function resumeStaleReports(services: ReportServices): Promise<number> {
  const claimed = (await services.dataSource.query(
    `UPDATE supervision_report_job SET updated_at = now()
     WHERE id IN (SELECT id FROM supervision_report_job WHERE status IN ('QUEUED','RUNNING') AND updated_at < now() - interval '2 minutes'
                  ORDER BY created_at LIMIT 3 FOR UPDATE SKIP LOCKED)
     RETURNING id`,
  )) as [Array<{ id: string }>, number] | Array<{ id: string }>;
  const rows = Array.isArray(claimed[0]) ? (claimed[0] as Array<{ id: string }>) : (claimed as Array<{ id: string }>);
  for (const { id } of rows) {
    void processReportJob({ ...services, jobId: id }).catch((error: unknown) => services.log?.error({ err: error, jobId: id }, "oversight report resume failed"));
  }
  return rows.length;
}
