import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * poppler-utils (Debian package `poppler-utils`: pdftotext, pdftoppm, pdfinfo, pdffonts) read the
 * PDFs the tests produce, as a reader's machine would.
 */
export function pdfText(pdf: Buffer, options: { layout?: boolean; first?: number; last?: number } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "pdftext-"));
  const file = join(dir, "in.pdf");
  writeFileSync(file, pdf);
  const args = [...(options.layout ? ["-layout"] : []), ...(options.first ? ["-f", String(options.first)] : []), ...(options.last ? ["-l", String(options.last)] : []), "-enc", "UTF-8", file, "-"];
  return execFileSync("pdftotext", args, { encoding: "utf8" });
}

export function pdfInfo(pdf: Buffer): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), "pdfinfo-"));
  const file = join(dir, "in.pdf");
  writeFileSync(file, pdf);
  const out = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return Object.fromEntries(out.split("\n").filter((line) => line.includes(":")).map((line) => [line.slice(0, line.indexOf(":")).trim(), line.slice(line.indexOf(":") + 1).trim()]));
}

/** pdffonts' table: one line per font (name, type, embedded, subset). */
export function pdfFonts(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), "pdffonts-"));
  const file = join(dir, "in.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdffonts", [file], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
}

/** Renders pages to PNG (pdftoppm); returns the PNGs in page order. */
export function pdfPages(pdf: Buffer, options: { dpi?: number; first?: number; last?: number } = {}): Buffer[] {
  const dir = mkdtempSync(join(tmpdir(), "pdftoppm-"));
  const file = join(dir, "in.pdf");
  writeFileSync(file, pdf);
  execFileSync("pdftoppm", ["-png", "-r", String(options.dpi ?? 50), ...(options.first ? ["-f", String(options.first)] : []), ...(options.last ? ["-l", String(options.last)] : []), file, join(dir, "page")]);
  return readdirSync(dir)
    .filter((name) => name.endsWith(".png"))
    .sort()
    .map((name) => readFileSync(join(dir, name)));
}

/** Share of non-white pixels is not needed: a PNG's size and signature tell a page was drawn. */
export function isPng(data: Buffer): boolean {
  return data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
}
