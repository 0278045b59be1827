import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * The CJK font of every PDF we print: Noto Sans SC (SIL Open Font License) as TrueType files shipped
 * by the npm package `@expo-google-fonts/noto-sans-sc`, so that Chinese renders on a machine with no
 * fonts installed. PDFKit embeds only the glyphs a document uses (a subset), so a report stays small.
 */
export const PDF_FONT_FILES = {
  regular: "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf",
} as const;

export type PdfFontWeight = keyof typeof PDF_FONT_FILES;

const require = createRequire(import.meta.url);
const cache = new Map<PdfFontWeight, Buffer>();

/** Where the installed package put each file (literal specifiers: bundlers and knip see the dependency). */
function fontPath(weight: PdfFontWeight): string {
  return weight === "bold"
    ? require.resolve("@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf")
    : require.resolve("@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf");
}

/** The font file's bytes (read once per process). */
export function pdfFont(weight: PdfFontWeight): Buffer {
  let data = cache.get(weight);
  if (!data) {
    data = readFileSync(fontPath(weight));
    cache.set(weight, data);
  }
  return data;
}
