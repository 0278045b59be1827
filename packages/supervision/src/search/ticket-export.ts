import type { Actor } from "@civicline/platform";
import { checkSearch, runPage, searchScope, type SearchDb, type TicketSearchHit } from "./ticket-search.js";
import { EXPORT_PAGE, type Cursor, type SearchSort, type TicketSearchFilterInput } from "./search-filter.js";
import { EXPORT_LABELS, type ExportLanguage } from "./export-labels.js";

/** The export stops after this many tickets (a file Excel still opens). */
export const MAX_EXPORT_ROWS = 200_000;

/** UTF-8 byte order mark: Excel then reads the file as UTF-8 (Chinese shows correctly). */
export const BOM = "\uFEFF";

/** A CSV field: quoted when needed; a leading = + - @ is neutralised (no formulas in Excel). */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const time = (date: Date | null, language: ExportLanguage) =>
  date ? date.toLocaleString(language === "zh-CN" ? "zh-CN" : "en-GB", { timeZone: "Asia/Shanghai", hour12: false }) : "";

/** The columns of the search list, in the list's order. */
export function exportHeader(language: ExportLanguage): string[] {
  return EXPORT_LABELS[language].columns;
}

export function exportRow(hit: TicketSearchHit, language: ExportLanguage): string[] {
  const labels = EXPORT_LABELS[language];
  const zh = language === "zh-CN";
  return [
    hit.trackingNumber,
    hit.title,
    labels.status[hit.status] ?? hit.status,
    labels.requestType[hit.requestType] ?? hit.requestType,
    labels.channel[hit.channel] ?? hit.channel,
    labels.urgency[hit.urgency] ?? hit.urgency,
    (zh ? hit.categoryNameZh : (hit.categoryNameEn ?? hit.categoryNameZh)) ?? "",
    [hit.districtName, hit.townshipName].filter(Boolean).join(" "),
    (zh ? hit.leadUnitNameZh : (hit.leadUnitNameEn ?? hit.leadUnitNameZh)) ?? "",
    time(hit.receivedAt, language),
    time(hit.completionDueAt, language),
    hit.deadlineState ? (labels.deadline[hit.deadlineState] ?? hit.deadlineState) : "",
    hit.citizenName,
    hit.citizenPhone,
  ];
}

export type ExportInput = {
  db: SearchDb;
  actor: Actor | null | undefined;
  filter?: TicketSearchFilterInput | null;
  sort?: SearchSort | null;
  language: ExportLanguage;
  now?: Date;
};

/**
 * The CSV of a search, produced page by page (EXPORT_PAGE tickets per query, walked with the
 * search's cursor) so that memory stays flat whatever the result's size. Checks access and the
 * filter before the first line, so a refusal can still be answered with an error status.
 */
export function exportTickets(input: ExportInput): AsyncGenerator<string> {
  const scope = searchScope(input.actor);
  const filter = checkSearch(scope, input.filter);
  const sort: SearchSort = input.sort ?? "RECEIVED_DESC";
  const now = input.now ?? new Date();
  return (async function* lines() {
    yield `${BOM}${exportHeader(input.language).map(csvField).join(",")}\r\n`;
    let after: Cursor | null = null;
    let written = 0;
    for (;;) {
      const page = await runPage(input.db, scope, filter, sort, after, EXPORT_PAGE, false, now);
      yield page.hits.map((hit) => `${exportRow(hit, input.language).map(csvField).join(",")}\r\n`).join("");
      written += page.hits.length;
      if (!page.hasNextPage || !page.endCursor || written >= MAX_EXPORT_ROWS) {
        return;
      }
      const [key, id] = JSON.parse(Buffer.from(page.endCursor, "base64url").toString("utf8")) as [string, string];
      after = { key, id };
    }
  })();
}
