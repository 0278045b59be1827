import { requireRole, type AppServices, type RequestContext } from "@civicline/platform";
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import type { ReportJob } from "./report-job.entity.js";
import { getReportJob, listReportJobs, REPORT_PROGRESS_TOPIC, REPORT_ROLES, startReport, type ReportRequest } from "./report-job.js";
import { measuresReportSources } from "./report-sources.js";
import { OversightReportInput, OversightReportType, type OversightReportFileKind, type OversightReportStatus, type OversightReportStep } from "./report.types.js";

async function view(services: AppServices, job: ReportJob): Promise<OversightReportType> {
  const [unit] = job.unitId
    ? ((await services.dataSource.query("SELECT name_zh, name_en FROM routing_unit WHERE id = $1", [job.unitId])) as Array<{ name_zh: string; name_en: string }>)
    : [];
  return {
    id: job.id,
    status: job.status as OversightReportStatus,
    step: (job.step as OversightReportStep | null) ?? null,
    progress: job.progress,
    language: job.language,
    unitId: job.unitId,
    unitNameZh: unit?.name_zh ?? null,
    unitNameEn: unit?.name_en ?? null,
    includeSubUnits: job.includeSubUnits,
    from: job.periodFrom,
    to: job.periodTo,
    files: job.files.map((file) => ({ kind: file.kind as OversightReportFileKind, id: file.id, filename: file.filename, size: file.size, url: `/files/${file.id}` })),
    error: job.error,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  };
}

@Resolver()
export class OversightReportResolver {
  constructor(private readonly services: AppServices) {}

  @Mutation(() => OversightReportType, {
    description:
      "Starts an oversight report (监督报告) for a unit (or all units) and a period; it is produced in the background — follow it with oversightReport or oversightReportProgress, then download its files. Supervisors, leaders and admins.",
  })
  async startOversightReport(@Arg("input", () => OversightReportInput) input: OversightReportInput, @Ctx() ctx: RequestContext): Promise<OversightReportType> {
    const job = await startReport({
      dataSource: this.services.dataSource,
      pubsub: this.services.pubsub,
      log: ctx.log,
      now: this.services.now,
      sources: measuresReportSources,
      actor: ctx.actor,
      request: { ...input, language: input.language as ReportRequest["language"] },
    });
    return view(this.services, job);
  }

  @Query(() => OversightReportType, { description: "An oversight report's progress and files: who started it, or an admin." })
  async oversightReport(@Arg("id", () => ID, { description: "Report id." }) id: string, @Ctx() ctx: RequestContext): Promise<OversightReportType> {
    return view(this.services, await getReportJob(this.services.dataSource, { actor: ctx.actor, id }));
  }

  @Query(() => [OversightReportType], { description: "My latest oversight reports, newest first. Supervisors, leaders and admins." })
  async oversightReports(
    @Arg("first", () => Int, { nullable: true, description: "How many (1–50, default 10)." }) first: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<OversightReportType[]> {
    const jobs = await listReportJobs(this.services.dataSource, { actor: ctx.actor, limit: first ?? 10 });
    return Promise.all(jobs.map((job) => view(this.services, job)));
  }

  @Subscription(() => OversightReportType, {
    description: "Pushes a report's progress after every step and when it ends: who started it, or an admin (each push is checked).",
    subscribe: ({ args, context }) => {
      const ctx = context as RequestContext;
      requireRole(ctx.actor, REPORT_ROLES);
      return ctx.subscribe(`${REPORT_PROGRESS_TOPIC}:${String(args.id)}`);
    },
  })
  async oversightReportProgress(
    @Root() payload: { jobId: string },
    @Arg("id", () => ID, { description: "Report id." }) _id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<OversightReportType> {
    return view(this.services, await getReportJob(this.services.dataSource, { actor: ctx.actor, id: payload.jobId }));
  }
}

