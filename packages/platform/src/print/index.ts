/**
 * Print-ready PDF reports (A4, Chinese and English, the CJK font embedded): a separate entry point
 * (`@civicline/platform/print`) so that only the packages that print load PDFKit and the font.
 */
export { PrintDocument, missingGlyphs, A4, type PrintColumn, type PrintTable, type PrintLanguage, type PrintDocumentOptions } from "./print-document.js";
export { PDF_FONT_FILES, pdfFont, type PdfFontWeight } from "./fonts.js";
