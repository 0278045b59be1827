import { PrintDocument, type PrintLanguage } from "@civicline/platform/print";
import { ASSESSMENT_FORMULA, ASSESSMENT_TIE_RULE, type AssessedCallTaker } from "./assessment-formula.js";
import type { GroupFigures, MonthlyAssessmentView } from "./monthly-assessment.js";

const BOM = "\uFEFF";

/** A CSV field: quoted when needed; a leading = + - @ is neutralised so a spreadsheet never runs it. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const LABELS = {
  "zh-CN": {
    title: (month: string) => `话务员月度考核 ${month}`,
    columns: ["排名", "话务员", "班组", "质检次数", "质检得分", "接听量", "平均通话时长（秒）", "受理工单", "直办率", "过程满意率", "申诉改判", "综合得分", "备注"],
    apart: { TOO_FEW_CALLS: "接听量不足，不参与排名", NO_FIGURES: "无数据，不参与排名" },
    groups: ["范围", "话务员人数", "质检次数", "质检得分", "接听量", "平均通话时长（秒）", "直办率", "过程满意率", "申诉改判", "平均综合得分"],
    weights: (v: number) => `权重版本 v${v}`,
    parts: { qaScore: "质检得分", callsHandled: "接听量", handleTime: "处理时长", directRate: "直办率", processSatisfaction: "过程满意率" },
    target: "目标通话时长（秒）",
    minCalls: "最低接听量",
    formula: "计算公式",
    tie: "并列规则",
    ranking: "一、话务员排名",
    teamsHeading: "二、班组与全中心",
    noRows: "本月没有可显示的话务员。",
    generated: (at: string) => `生成时间：${at}`,
    tied: "并列",
  },
  en: {
    title: (month: string) => `Call-taker monthly assessment ${month}`,
    columns: ["Rank", "Call-taker", "Team", "Scored calls", "QA score", "Calls", "Avg talk (s)", "Tickets", "Direct rate", "Process satisfaction", "Appeals upheld", "Score", "Note"],
    apart: { TOO_FEW_CALLS: "Too few calls: not ranked", NO_FIGURES: "No figures: not ranked" },
    groups: ["Scope", "Call-takers", "Scored calls", "QA score", "Calls", "Avg talk (s)", "Direct rate", "Process satisfaction", "Appeals upheld", "Mean score"],
    weights: (v: number) => `Weights version v${v}`,
    parts: { qaScore: "QA score", callsHandled: "Calls", handleTime: "Handle time", directRate: "Direct rate", processSatisfaction: "Process satisfaction" },
    target: "Target talk time (s)",
    minCalls: "Minimum calls",
    formula: "Formula",
    tie: "Tie rule",
    ranking: "1. Call-takers ranked",
    teamsHeading: "2. Teams and the whole centre",
    noRows: "No call-taker to show this month.",
    generated: (at: string) => `Generated ${at}`,
    tied: "tied",
  },
} as const;

const number = (value: number | null, digits = 2) => (value === null ? "—" : value.toFixed(digits));
const percent = (value: number | null) => (value === null ? "—" : `${(value * 100).toFixed(2)} %`);

function rowCells(row: AssessedCallTaker, language: PrintLanguage): string[] {
  const labels = LABELS[language];
  return [
    row.rank === null ? "" : `${row.rank}${row.tied ? ` (${labels.tied})` : ""}`,
    row.figures.name,
    row.figures.teamName ?? "",
    String(row.figures.inspections),
    number(row.qaScore),
    String(row.figures.callsHandled),
    number(row.averageHandleSeconds, 0),
    String(row.figures.ticketsLogged),
    percent(row.directRate),
    percent(row.processSatisfaction),
    String(row.figures.appealsUpheld),
    number(row.score),
    row.apartReason ? labels.apart[row.apartReason] : "",
  ];
}

function groupCells(group: GroupFigures, language: PrintLanguage): string[] {
  return [
    language === "zh-CN" ? group.name : group.nameEn,
    String(group.callTakers),
    String(group.inspections),
    number(group.qaScore),
    String(group.callsHandled),
    number(group.averageHandleSeconds, 0),
    percent(group.directRate),
    percent(group.processSatisfaction),
    String(group.appealsUpheld),
    number(group.averageScore),
  ];
}

function weightLines(view: MonthlyAssessmentView, language: PrintLanguage): Array<[string, string]> {
  const labels = LABELS[language];
  const w = view.weights;
  return [
    [labels.weights(w.version), (Object.keys(labels.parts) as Array<keyof typeof labels.parts>).map((key) => `${labels.parts[key]} ${w[key]}`).join(" · ")],
    [labels.target, String(w.targetHandleSeconds)],
    [labels.minCalls, String(w.minCalls)],
    [labels.formula, language === "zh-CN" ? ASSESSMENT_FORMULA.zh : ASSESSMENT_FORMULA.en],
    [labels.tie, language === "zh-CN" ? ASSESSMENT_TIE_RULE.zh : ASSESSMENT_TIE_RULE.en],
  ];
}

/** The assessment as the reader sees it, as CSV: the rows, then the teams and the centre, then the weights and formula. */
export function assessmentCsv(view: MonthlyAssessmentView, language: PrintLanguage): Buffer {
  const labels = LABELS[language];
  const lines: string[][] = [[labels.title(view.month)], labels.columns as unknown as string[], ...view.visibleRows.map((row) => rowCells(row, language)), [], labels.groups as unknown as string[]];
  lines.push(...[...view.teams, view.centre].map((group) => groupCells(group, language)), []);
  lines.push(...weightLines(view, language));
  return Buffer.from(`${BOM}${lines.map((line) => `${line.map(csvField).join(",")}\r\n`).join("")}`, "utf8");
}

/** The same as a print-ready A4 PDF (platform's PrintDocument: Chinese font embedded, page numbers). */
export async function assessmentPdf(view: MonthlyAssessmentView, language: PrintLanguage, generatedAt: Date): Promise<Buffer> {
  const labels = LABELS[language];
  const at = new Intl.DateTimeFormat(language, { timeZone: "Asia/Shanghai", dateStyle: "long", timeStyle: "short" }).format(generatedAt);
  const doc = new PrintDocument({ language, title: labels.title(view.month) });
  doc.cover({ title: labels.title(view.month), lines: [labels.weights(view.weights.version), labels.generated(at)] });
  doc.heading(labels.ranking);
  const widths = [0.8, 1.4, 1.1, 0.8, 0.8, 0.8, 0.9, 0.8, 0.9, 0.9, 0.7, 0.8, 1.4];
  await doc.table({
    columns: labels.columns.map((header, index) => ({ header, width: widths[index]!, align: index >= 3 && index <= 11 ? ("right" as const) : ("left" as const) })),
    rows: view.visibleRows.map((row) => rowCells(row, language)),
    empty: labels.noRows,
    fontSize: 7.5,
  });
  doc.heading(labels.teamsHeading);
  await doc.table({ columns: labels.groups.map((header, index) => ({ header, width: index === 0 ? 1.6 : 1, align: index === 0 ? ("left" as const) : ("right" as const) })), rows: [...view.teams, view.centre].map((group) => groupCells(group, language)), fontSize: 8 });
  await doc.pairs(weightLines(view, language));
  return doc.finish();
}
