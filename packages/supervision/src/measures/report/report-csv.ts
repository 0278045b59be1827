import { BOM, csvField } from "../../search/ticket-export.js";
import type { TicketSearchHit } from "../../search/ticket-search.js";
import { REPORT_LABELS, reportTime } from "./report-labels.js";
import type { ReportModel } from "./report-model.js";
import type { ReportFileKindValue } from "./report-job.entity.js";

/** A CSV file: UTF-8 with a byte order mark (Excel then reads Chinese right), CRLF lines, formulas neutralised. */
export function csv(header: string[], rows: string[][]): Buffer {
  const lines = [header, ...rows].map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
  return Buffer.from(`${BOM}${lines}`, "utf8");
}

export type ReportCsv = { kind: ReportFileKindValue; name: string; data: Buffer };

/**
 * The report's tables as CSV files, one table each (so that each opens in a spreadsheet with its own
 * columns): figures (with numerator, denominator, previous period and definition), ranking, the
 * three ticket lists in one file with a "list" column, and supervision orders.
 */
export function reportCsvFiles(model: ReportModel): ReportCsv[] {
  const labels = REPORT_LABELS[model.language];
  const zh = model.language === "zh-CN";
  const f = labels.figureColumns;
  const figures = csv(
    [f.figure, f.value, f.numerator, f.denominator, f.previous, f.definition],
    (model.figures ?? []).map((row) => [row.label, row.value, row.numerator, row.denominator, row.previous, row.definition]),
  );
  const r = labels.rankingColumns;
  const rankingRows = model.ranking ? [...model.ranking.rows, ...model.ranking.apart] : [];
  const ranking = csv(
    [r.rank, r.unit, r.score, r.tickets, r.onTime, r.satisfaction, r.returned, r.reReported, r.extended, r.note],
    rankingRows.map((row) => [row.rank, row.unit, row.score, row.tickets, row.onTime, row.satisfaction, row.returned, row.reReported, row.extended, row.note]),
  );
  const t = labels.ticketColumns;
  const ticketRow = (list: string, hit: TicketSearchHit) => [
    list,
    hit.trackingNumber,
    hit.title,
    labels.status[hit.status] ?? hit.status,
    (zh ? hit.leadUnitNameZh : (hit.leadUnitNameEn ?? hit.leadUnitNameZh)) ?? "",
    (zh ? hit.categoryNameZh : (hit.categoryNameEn ?? hit.categoryNameZh)) ?? "",
    [hit.districtName, hit.townshipName].filter(Boolean).join(" "),
    reportTime(hit.receivedAt, model.language),
    reportTime(hit.completionDueAt, model.language),
    String(hit.returnedCount),
    String(hit.reReportCount),
    hit.citizenName,
    hit.citizenPhone,
  ];
  const tickets = csv(
    [t.list, t.tracking, t.title, t.status, t.unit, t.category, t.area, t.received, t.due, t.returns, t.reReports, t.caller, t.phone],
    model.lists.flatMap((list) => list.hits.map((hit) => ticketRow(labels.listNames[list.key], hit))),
  );
  const o = labels.orderColumns;
  const orders = csv(
    [o.tracking, o.title, o.unit, o.level, o.state, o.issued, o.responseDue, o.answered, o.escalations, o.reason],
    model.orders.rows.map((order) => [
      order.trackingNumber,
      order.ticketTitle ?? "",
      zh ? order.unitNameZh : order.unitNameEn || order.unitNameZh,
      labels.orderLevel[order.level] ?? order.level,
      labels.orderState[order.state] ?? order.state,
      reportTime(order.issuedAt, model.language),
      reportTime(order.responseDueAt, model.language),
      reportTime(order.answeredAt, model.language),
      String(order.escalations),
      order.reason,
    ]),
  );
  return [
    { kind: "FIGURES_CSV", name: "figures", data: figures },
    { kind: "RANKING_CSV", name: "ranking", data: ranking },
    { kind: "TICKETS_CSV", name: "tickets", data: tickets },
    { kind: "ORDERS_CSV", name: "orders", data: orders },
  ];
}
