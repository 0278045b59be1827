import "reflect-metadata";

export { supervisionModule } from "./supervision.module.js";
export { expireOrderDeadline } from "./orders/expire-deadline.js";
export { OPEN_ORDER_SQL } from "./orders/order-queries.js";
export { searchTickets, SEARCH_ROLES, SearchErrorCode, type SearchDb, type TicketSearchPage, type TicketSearchHit } from "./search/ticket-search.js";
export { exportTickets, MAX_EXPORT_ROWS } from "./search/ticket-export.js";
export { isWholeTrackingNumber, MAX_SEARCH_TEXT, type TicketSearchFilterInput } from "./search/search-filter.js";
export type { ExportLanguage } from "./search/export-labels.js";
export { chasingPayloadStats, ChasingTopic } from "./chasing/chasing-live.js";
export { rebuildChasing, reconcileChasing } from "./chasing/reconcile.js";
export { ChasingStage, ChasingSeverity } from "./chasing/chasing.enums.js";
export { wallboardPayloadStats } from "./measures/wall/wall-figures.js";
export { rebuildMeasures, rebuildMeasuresIn, type RebuildResult } from "./measures/engine/rebuild.js";
export {
  measures,
  measureBreakdown,
  figuresOf,
  resolvePeriod,
  MeasurePeriodKind,
  MeasureBreakdownBy,
  type MeasureFilter,
  type MeasureSet,
  type MeasuresResult,
  type MeasureBreakdownRow,
} from "./measures/engine/measures.js";
export { MEASURE_DEFINITIONS, ON_TIME_RULE_EN, ON_TIME_RULE_ZH } from "./measures/engine/measure-definitions.js";
export { MeasureCounter, FIGURE_COUNTERS, type MeasureDrillDown } from "./measures/engine/drill-down.js";
export { csv as csvFile } from "./measures/report/report-csv.js";
export { processReportJob, startReport, REPORT_ROLES, REPORT_PROGRESS_TOPIC } from "./measures/report/report-job.js";
export { measuresReportSources } from "./measures/report/report-sources.js";
