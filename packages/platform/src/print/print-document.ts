import * as fontkit from "fontkit";
import PDFDocument from "pdfkit";
import { pdfFont } from "./fonts.js";

/**
 * A small layer over PDFKit for print-ready A4 reports in Chinese and English: the CJK font
 * embedded and subsetted (fonts.ts), a cover page, headings, paragraphs, key–value lists, tables that
 * break across pages with their header repeated, and "page n of N" on every page but the cover.
 * Independent of any domain: the oversight report (supervision) and the monthly QA assessment print with it.
 *
 *   const doc = new PrintDocument({ language: "zh-CN", title: "监督报告" });
 *   doc.cover({ title: "…", lines: ["统计期间 …", "生成时间 …"] });
 *   doc.heading("一、指标"); await doc.table({ columns, rows });
 *   const pdf = await doc.finish();
 */

export type PrintLanguage = "zh-CN" | "en";

export type PrintColumn = {
  header: string;
  /** Share of the usable width (the shares are normalised). */
  width: number;
  align?: "left" | "right" | "center";
};

export type PrintTable = {
  columns: PrintColumn[];
  rows: string[][];
  /** Shown in place of the table when it has no rows. */
  empty?: string;
  /** Smaller type for wide tables. */
  fontSize?: number;
};

export type PrintDocumentOptions = {
  language: PrintLanguage;
  /** Document title (PDF metadata, and the running header). */
  title: string;
  author?: string;
  /** "第 {n} 页 / 共 {total} 页" style footer; the default per language. */
  pageLabel?: (page: number, total: number) => string;
};

/** A4 in PostScript points. */
export const A4 = { width: 595.28, height: 841.89 } as const;
const MARGIN = { top: 64, bottom: 64, left: 56, right: 56 };
const BODY_SIZE = 10.5;
/** A table cell is cut after this many characters (a row never outgrows a page). */
const MAX_CELL_CHARS = 400;
/** Rows laid out between two turns of the event loop. */
const ROWS_PER_TURN = 20;
const RULE = "#9aa3ad";
const HEADER_FILL = "#e8edf2";
const TEXT = "#111111";
const MUTED = "#4a5560";

let fontCheck: fontkit.Font | null = null;
function checkingFont(): fontkit.Font {
  fontCheck ??= fontkit.create(pdfFont("regular")) as fontkit.Font;
  return fontCheck;
}

/** Characters of `text` the embedded font has no glyph for (line breaks and tabs aside). */
export function missingGlyphs(text: string): string[] {
  const font = checkingFont();
  const missing = new Set<string>();
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0x20 && !font.hasGlyphForCodePoint(code)) {
      missing.add(char);
    }
  }
  return [...missing];
}

export class PrintDocument {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly ended: Promise<Buffer>;
  private readonly options: PrintDocumentOptions;
  private hasCover = false;
  private started = false;
  /** Characters replaced by "?" because the font has no glyph for them (kept for tests and logs). */
  readonly replaced = new Set<string>();

  constructor(options: PrintDocumentOptions) {
    this.options = options;
    this.doc = new PDFDocument({
      size: "A4",
      margins: MARGIN,
      bufferPages: true,
      autoFirstPage: false,
      compress: true,
      lang: options.language,
      displayTitle: true,
      info: { Title: options.title, Author: options.author ?? "Civicline", Creator: "Civicline", Producer: "Civicline (PDFKit)" },
    });
    this.doc.registerFont("body", pdfFont("regular"));
    this.doc.registerFont("bold", pdfFont("bold"));
    this.doc.on("data", (chunk: Buffer) => this.chunks.push(chunk));
    this.ended = new Promise((resolve, reject) => {
      this.doc.on("end", () => resolve(Buffer.concat(this.chunks)));
      this.doc.on("error", reject);
    });
  }

  /** Usable width between the margins. */
  get width(): number {
    return A4.width - MARGIN.left - MARGIN.right;
  }

  /** Text with glyph-less characters replaced (never tofu in print). */
  private safe(text: string): string {
    const missing = missingGlyphs(text);
    if (missing.length === 0) {
      return text;
    }
    let out = text;
    for (const char of missing) {
      this.replaced.add(char);
      out = out.split(char).join("?");
    }
    return out;
  }

  private page(): void {
    this.doc.addPage();
    this.doc.font("body").fontSize(BODY_SIZE).fillColor(TEXT);
    this.started = true;
  }

  private ensurePage(): void {
    if (!this.started) {
      this.page();
    }
  }

  /** Starts a new page unless `height` points still fit on this one. */
  private room(height: number): void {
    this.ensurePage();
    if (this.doc.y + height > A4.height - MARGIN.bottom) {
      this.page();
    }
  }

  /** The cover: a title, an optional subtitle, and lines (period, generation time, …). Must come first. */
  cover(input: { title: string; subtitle?: string; lines: string[]; note?: string }): this {
    if (this.started) {
      throw new Error("The cover must be the first page.");
    }
    this.page();
    this.hasCover = true;
    const doc = this.doc;
    doc.y = A4.height * 0.28;
    doc.font("bold").fontSize(26).fillColor(TEXT).text(this.safe(input.title), MARGIN.left, doc.y, { width: this.width, align: "center" });
    if (input.subtitle) {
      doc.moveDown(0.6).font("body").fontSize(15).fillColor(MUTED).text(this.safe(input.subtitle), { width: this.width, align: "center" });
    }
    doc.moveDown(2.5);
    const lineTop = doc.y;
    doc.moveTo(MARGIN.left + this.width * 0.2, lineTop).lineTo(MARGIN.left + this.width * 0.8, lineTop).lineWidth(0.8).strokeColor(RULE).stroke();
    doc.y = lineTop + 18;
    doc.font("body").fontSize(12).fillColor(TEXT);
    for (const line of input.lines) {
      doc.text(this.safe(line), MARGIN.left, doc.y, { width: this.width, align: "center" }).moveDown(0.5);
    }
    if (input.note) {
      doc.font("body").fontSize(9).fillColor(MUTED).text(this.safe(input.note), MARGIN.left, A4.height - MARGIN.bottom - 60, { width: this.width, align: "center" });
    }
    this.started = true;
    // the body starts on its own page
    this.page();
    return this;
  }

  /** A section heading (kept with at least a few lines of what follows). */
  heading(text: string, level: 1 | 2 = 1): this {
    const size = level === 1 ? 15 : 12.5;
    // keep the heading with its intro line, a table header and a first row
    this.room(size * 2 + 110);
    if (this.doc.y > MARGIN.top + 1) {
      this.doc.moveDown(level === 1 ? 1 : 0.6);
    }
    this.doc.font("bold").fontSize(size).fillColor(TEXT).text(this.safe(text), MARGIN.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.4).font("body").fontSize(BODY_SIZE);
    return this;
  }

  /** A paragraph of body text (wraps and breaks across pages). */
  paragraph(text: string, options: { muted?: boolean; size?: number } = {}): this {
    this.ensurePage();
    this.doc
      .font("body")
      .fontSize(options.size ?? BODY_SIZE)
      .fillColor(options.muted ? MUTED : TEXT)
      .text(this.safe(text), MARGIN.left, this.doc.y, { width: this.width, lineGap: 2 });
    this.doc.moveDown(0.5).fillColor(TEXT);
    return this;
  }

  /**
   * A table: a ruled header row on a tinted band, rows with wrapped cells; when a row does not fit
   * the page, a new page starts and the header is drawn again. Laying out text is CPU work: the
   * table gives the event loop a turn every ROWS_PER_TURN rows, so a large report produced in a
   * server's background does not stall its requests and WebSockets.
   */
  async table(input: PrintTable): Promise<this> {
    this.ensurePage();
    const doc = this.doc;
    const size = input.fontSize ?? 9;
    const pad = 3.5;
    const total = input.columns.reduce((sum, column) => sum + column.width, 0);
    const widths = input.columns.map((column) => (column.width / total) * this.width);
    const xs = widths.map((_, index) => MARGIN.left + widths.slice(0, index).reduce((a, b) => a + b, 0));
    const headers = input.columns.map((column) => this.safe(column.header));
    const heightOf = (cells: string[], font: "body" | "bold") => {
      doc.font(font).fontSize(size);
      return Math.max(...cells.map((cell, index) => doc.heightOfString(cell || " ", { width: widths[index]! - pad * 2 }))) + pad * 2;
    };
    const drawRow = (cells: string[], font: "body" | "bold", fill: string | null, known?: number) => {
      const top = doc.y;
      const height = known ?? heightOf(cells, font);
      if (fill) {
        doc.rect(MARGIN.left, top, this.width, height).fillColor(fill).fill();
      }
      doc.font(font).fontSize(size).fillColor(TEXT);
      cells.forEach((cell, index) => {
        doc.text(cell, xs[index]! + pad, top + pad, { width: widths[index]! - pad * 2, align: input.columns[index]!.align ?? "left", lineBreak: true });
      });
      doc.moveTo(MARGIN.left, top + height).lineTo(MARGIN.left + this.width, top + height).lineWidth(0.4).strokeColor(RULE).stroke();
      doc.x = MARGIN.left;
      doc.y = top + height;
    };
    const drawHeader = () => {
      const top = doc.y;
      doc.moveTo(MARGIN.left, top).lineTo(MARGIN.left + this.width, top).lineWidth(0.8).strokeColor(RULE).stroke();
      drawRow(headers, "bold", HEADER_FILL);
    };
    const headerHeight = heightOf(headers, "bold");
    if (input.rows.length === 0) {
      this.room(headerHeight + 30);
      drawHeader();
      doc.moveDown(0.3);
      this.paragraph(input.empty ?? "—", { muted: true, size });
      return this;
    }
    const rows = input.rows.map((row) => input.columns.map((_, index) => this.safe([...(row[index] ?? "")].slice(0, MAX_CELL_CHARS).join(""))));
    this.room(headerHeight + heightOf(rows[0]!, "body"));
    drawHeader();
    for (const [index, row] of rows.entries()) {
      const height = heightOf(row, "body");
      if (doc.y + height > A4.height - MARGIN.bottom) {
        this.page();
        drawHeader();
      }
      drawRow(row, "body", null, height);
      if (index % ROWS_PER_TURN === ROWS_PER_TURN - 1) {
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    doc.moveDown(0.8);
    doc.font("body").fontSize(BODY_SIZE);
    return this;
  }

  /** Label–value pairs in two columns (a definitions block, a summary). */
  pairs(items: Array<[string, string]>): Promise<this> {
    return this.table({ columns: [{ header: "", width: 1 }, { header: "", width: 2.4 }], rows: items.map(([a, b]) => [a, b]) });
  }

  /** Page count so far. */
  get pageCount(): number {
    return this.doc.bufferedPageRange().count;
  }

  /** Writes the running header and "page n of N" on every page but the cover, and returns the PDF. */
  async finish(): Promise<Buffer> {
    this.ensurePage();
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    const first = this.hasCover ? 1 : 0;
    const total = range.count - first;
    const label =
      this.options.pageLabel ?? ((page: number, of: number) => (this.options.language === "zh-CN" ? `第 ${page} 页 / 共 ${of} 页` : `Page ${page} of ${of}`));
    for (let index = first; index < range.start + range.count; index++) {
      doc.switchToPage(index);
      // writing in the margins must not start a new page
      const saved = doc.page.margins;
      doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
      doc.font("body").fontSize(8.5).fillColor(MUTED);
      doc.text(this.safe(this.options.title), MARGIN.left, MARGIN.top - 30, { width: this.width, align: "left", lineBreak: false });
      doc
        .moveTo(MARGIN.left, MARGIN.top - 14)
        .lineTo(MARGIN.left + this.width, MARGIN.top - 14)
        .lineWidth(0.4)
        .strokeColor(RULE)
        .stroke();
      doc.text(label(index - first + 1, total), MARGIN.left, A4.height - MARGIN.bottom + 24, { width: this.width, align: "center", lineBreak: false });
      doc.page.margins = saved;
    }
    doc.end();
    return this.ended;
  }
}
