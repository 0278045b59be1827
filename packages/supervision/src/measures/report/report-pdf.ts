import type { TicketSearchHit } from "../../search/ticket-search.js";
import { PrintDocument } from "@civicline/platform/print";
import { REPORT_LABELS, reportDay, reportTime } from "./report-labels.js";
import type { ReportModel, ReportRankingRow } from "./report-model.js";

const SECTION_OF = { OVERDUE: "overdue", RETURNED: "returned", RE_REPORTED: "reReported" } as const;

/** The oversight report as a print-ready PDF (A4, cover, page numbers). */
export async function reportPdf(model: ReportModel): Promise<{ pdf: Buffer; replaced: string[]; pages: number }> {
  const labels = REPORT_LABELS[model.language];
  const zh = model.language === "zh-CN";
  const doc = new PrintDocument({ language: model.language, title: `${labels.documentTitle} · ${model.scopeName}` });
  doc.cover({
    title: labels.coverTitle,
    subtitle: labels.coverSubtitle,
    lines: [
      labels.scope(model.scopeName),
      labels.period(reportDay(model.from, model.language), reportDay(model.to, model.language), model.days),
      labels.generated(reportTime(model.generatedAt, model.language)),
      labels.generatedBy(model.generatedBy),
    ],
    note: labels.coverNote,
  });

  doc.heading(labels.sections.figures);
  if (model.figures) {
    doc.paragraph(labels.figuresIntro, { muted: true });
    const c = labels.figureColumns;
    await doc.table({
      columns: [
        { header: c.figure, width: 2.2 },
        { header: c.value, width: 1.3, align: "right" },
        { header: c.numerator, width: 1.2, align: "right" },
        { header: c.denominator, width: 1.2, align: "right" },
        { header: c.previous, width: 1.3, align: "right" },
      ],
      rows: model.figures.map((f) => [f.label, f.value, f.numerator, f.denominator, f.previous]),
    });
  } else {
    doc.paragraph(labels.figuresMissing, { muted: true });
  }

  doc.heading(labels.sections.ranking);
  if (model.ranking) {
    const r = labels.rankingColumns;
    doc.paragraph(`${labels.rankingFormula}：${model.ranking.formula}`, { size: 9 });
    doc.paragraph(`${labels.rankingTieRule}：${model.ranking.tieRule}`, { size: 9 });
    doc.paragraph(labels.rankingWeights(model.ranking.weightsVersion), { size: 9, muted: true });
    const columns = [
      { header: r.rank, width: 0.7, align: "right" as const },
      { header: r.unit, width: 2.6 },
      { header: r.score, width: 0.9, align: "right" as const },
      { header: r.tickets, width: 0.9, align: "right" as const },
      { header: r.onTime, width: 1, align: "right" as const },
      { header: r.satisfaction, width: 1, align: "right" as const },
      { header: r.returned, width: 0.9, align: "right" as const },
      { header: r.reReported, width: 0.9, align: "right" as const },
      { header: r.extended, width: 0.9, align: "right" as const },
    ];
    const cells = (row: ReportRankingRow) => [
      row.rank,
      row.unit,
      row.score,
      row.tickets,
      row.onTime,
      row.satisfaction,
      row.returned,
      row.reReported,
      row.extended,
    ];
    await doc.table({ columns, rows: model.ranking.rows.map(cells), fontSize: 8, empty: labels.rankingMissing });
    if (model.ranking.apart.length > 0) {
      doc.heading(labels.rankingApart, 2);
      await doc.table({
        columns: [{ header: r.unit, width: 3 }, { header: r.tickets, width: 1, align: "right" }, { header: r.note, width: 3 }],
        rows: model.ranking.apart.map((row) => [row.unit, row.tickets, row.note]),
        fontSize: 8,
      });
    }
  } else {
    doc.paragraph(labels.rankingMissing, { muted: true });
  }

  const t = labels.ticketColumns;
  const unitName = (hit: TicketSearchHit) => (zh ? hit.leadUnitNameZh : (hit.leadUnitNameEn ?? hit.leadUnitNameZh)) ?? "";
  for (const list of model.lists) {
    doc.heading(labels.sections[SECTION_OF[list.key]]);
    doc.paragraph(`${list.rule} ${labels.listTotal(list.hits.length, list.total, list.capped)}`, { muted: true, size: 9 });
    await doc.table({
      columns: [
        { header: t.tracking, width: 1.7 },
        { header: t.title, width: 2.4 },
        { header: t.unit, width: 1.8 },
        { header: t.received, width: 1.25 },
        { header: t.due, width: 1.25 },
        { header: t.caller, width: 0.9 },
        { header: t.phone, width: 1.2 },
      ],
      rows: list.hits.map((hit) => [hit.trackingNumber, hit.title, unitName(hit), reportTime(hit.receivedAt, model.language), reportTime(hit.completionDueAt, model.language), hit.citizenName, hit.citizenPhone]),
      fontSize: 7.5,
      empty: labels.noTickets[list.key],
    });
  }

  doc.heading(labels.sections.orders);
  const o = labels.orderColumns;
  doc.paragraph(`${labels.ordersRule} ${labels.listTotal(model.orders.rows.length, model.orders.total, false)}`, { muted: true, size: 9 });
  await doc.table({
    columns: [
      { header: o.tracking, width: 1.7 },
      { header: o.unit, width: 1.9 },
      { header: o.level, width: 1 },
      { header: o.state, width: 1 },
      { header: o.issued, width: 1.25 },
      { header: o.responseDue, width: 1.25 },
      { header: o.answered, width: 1.25 },
      { header: o.escalations, width: 0.7, align: "right" },
    ],
    rows: model.orders.rows.map((order) => [
      order.trackingNumber,
      zh ? order.unitNameZh : order.unitNameEn || order.unitNameZh,
      labels.orderLevel[order.level] ?? order.level,
      labels.orderState[order.state] ?? order.state,
      reportTime(order.issuedAt, model.language),
      reportTime(order.responseDueAt, model.language),
      reportTime(order.answeredAt, model.language),
      String(order.escalations),
    ]),
    fontSize: 7.5,
    empty: labels.noOrders,
  });

  if (model.figures) {
    doc.heading(labels.sections.definitions);
    await doc.table({ columns: [{ header: labels.figureColumns.figure, width: 1.4 }, { header: labels.figureColumns.definition, width: 4 }], rows: model.figures.map((f) => [f.label, f.definition]), fontSize: 8.5 });
  }
  const pages = doc.pageCount;
  const pdf = await doc.finish();
  return { pdf, replaced: [...doc.replaced], pages };
}
