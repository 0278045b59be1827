import type { AppServices, ScheduledJob } from "@civicline/platform";
import { ReportJob } from "./report-job.entity.js";
import { resumeStaleReports } from "./report-job.js";
import { measuresReportSources } from "./report-sources.js";
import { OversightReportResolver } from "./report.resolver.js";

/** The oversight report (监督报告): its job table, GraphQL operations and the resume schedule. */
export const reportEntities = [ReportJob];
export const reportResolvers = [OversightReportResolver];
export function reportSchedules(services: AppServices): ScheduledJob[] {
  return [
    {
      name: "supervision.resume-reports",
      everyMs: 60_000,
      run: async () => void (await resumeStaleReports({ dataSource: services.dataSource, pubsub: services.pubsub, log: services.log, now: services.now, sources: measuresReportSources })),
    },
  ];
}
