import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isPng, pdfFonts, pdfInfo, pdfPages, pdfText } from "../testing/poppler.js";
import { missingGlyphs, PrintDocument } from "./print-document.js";

/** pdftotext drops or adds spaces between CJK and digits; compare without them. */
const squash = (text: string) => text.replace(/\s+/g, "");

const UNITS = ["市住房和城乡建设委员会", "东城区人民政府", "和平街道办事处", "市生态环境局", "市交通运输局"];

async function sample(rows: number) {
  const doc = new PrintDocument({ language: "zh-CN", title: "12345 热线监督报告" });
  doc.cover({ title: "12345 政务服务便民热线", subtitle: "监督报告", lines: ["统计期间：2026年11月1日 至 2026年11月30日", "生成时间：2026年12月6日 19:08"] });
  doc.heading("一、主要指标");
  doc.paragraph("按期办结率 = 期限落在统计期间内且按期答复的工单 ÷ 期限落在统计期间内的工单。");
  await doc.table({
    columns: [
      { header: "序号", width: 0.6, align: "right" },
      { header: "承办单位", width: 3 },
      { header: "工单数", width: 1, align: "right" },
      { header: "按期办结率", width: 1.2, align: "right" },
    ],
    rows: Array.from({ length: rows }, (_, i) => [String(i + 1), UNITS[i % UNITS.length]!, String(100 + i), `${(90 + (i % 10)).toFixed(2)} %`]),
  });
  doc.heading("二、空表");
  await doc.table({ columns: [{ header: "工单编号", width: 1 }], rows: [], empty: "本期没有超期工单。" });
  return { doc, pdf: await doc.finish() };
}

describe("PrintDocument (PDF machinery)", () => {
  it("prints Chinese with an embedded subset font, A4, a cover, page numbers and a table header repeated on every page", async () => {
    const { doc, pdf } = await sample(120);
    if (process.env.PRINT_SAMPLE_OUT) {
      writeFileSync(process.env.PRINT_SAMPLE_OUT, pdf);
    }
    expect(doc.replaced.size).toBe(0);
    const info = pdfInfo(pdf);
    expect(info["Page size"]).toMatch(/^595\.2\d? x 841\.8\d? pts \(A4\)/);
    const pages = Number(info.Pages);
    expect(pages).toBeGreaterThanOrEqual(4);
    // every font embedded and subsetted (no system font needed), none of the 14 standard fonts
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).toMatch(/^[A-Z]{6}\+NotoSansSC/);
      expect(line).toMatch(/\byes\s+yes\s+yes\b/); // emb sub uni
    }
    // subsetted: far smaller than the 10 MB font
    expect(pdf.length).toBeLessThan(400_000);

    const text = pdfText(pdf);
    expect(text).not.toContain("\uFFFD");
    expect(text).toContain("监督报告");
    expect(squash(text)).toContain("统计期间：2026年11月1日至2026年11月30日");
    expect(squash(text)).toContain("生成时间：2026年12月6日19:08");
    for (const unit of UNITS) {
      expect(text).toContain(unit);
    }
    expect(text).toContain("本期没有超期工单。");
    // the cover has no number; the body pages are 1..N of N
    const cover = pdfText(pdf, { first: 1, last: 1 });
    expect(squash(cover)).not.toMatch(/第\d+页/);
    for (let page = 2; page <= pages; page++) {
      const pageText = pdfText(pdf, { first: page, last: page });
      expect(squash(pageText)).toContain(`第${page - 1}页/共${pages - 1}页`);
    }
    // the table's pages each start with its header row
    const tablePages = [3, pages - 1].filter((page) => page > 2);
    for (const page of tablePages) {
      expect(squash(pdfText(pdf, { first: page, last: page }))).toContain("序号承办单位工单数按期办结率");
    }
    const pngs = pdfPages(pdf, { first: 1, last: 2 });
    expect(pngs).toHaveLength(2);
    expect(pngs.every(isPng)).toBe(true);
  });

  it("replaces characters the font lacks instead of printing tofu, and says which", async () => {
    expect(missingGlyphs("东城区 ABC 123 ％ — “” 《》")).toEqual([]);
    const odd = String.fromCodePoint(0x1fae8); // an emoji outside the CJK font
    expect(missingGlyphs(`和平街道${odd}`)).toEqual([odd]);
    const doc = new PrintDocument({ language: "en", title: "Oversight report" });
    doc.paragraph(`Heping Subdistrict ${odd} 和平街道`);
    const pdf = await doc.finish();
    expect([...doc.replaced]).toEqual([odd]);
    const text = pdfText(pdf);
    expect(text).toContain("Heping Subdistrict ? 和平街道");
    expect(text).toContain("Page 1 of 1");
  });

  it("gives the event loop a turn while it lays out a long table (a server keeps answering during a large report)", async () => {
    const doc = new PrintDocument({ language: "zh-CN", title: "长表" });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const rows = Array.from({ length: 400 }, (_, i) => [`ZB-20261102-${String(i).padStart(5, "0")}`, "和平路路灯不亮已经两个星期，晚上出行很不安全。", "和平街道办事处"]);
    await doc.table({ columns: [{ header: "工单编号", width: 1 }, { header: "标题", width: 2 }, { header: "主办单位", width: 1 }], rows });
    clearInterval(timer);
    // 400 rows, a turn every 20: the 1 ms timer ran between the batches
    expect(ticks).toBeGreaterThanOrEqual(10);
    const text = pdfText(await doc.finish());
    expect(text).toContain("ZB-20261102-00399");
  });
});
