/**
 * A demo knowledge-base article, written the way a 12345 hotline's policy answers read. Codes refer
 * to intake's demo categories and routing's demo units.
 */
export type DemoArticle = {
  /** Stable key, used by the relevance test set. */
  key: string;
  title: string;
  summary: string;
  body: string;
  categoryCodes: string[];
  keywords: string[];
  unitCode: string | null;
  audience: "PUBLIC" | "INTERNAL";
  language: "ZH_CN" | "EN";
  effectiveFrom: string;
  expiresOn?: string | null;
  /** Instead of expiresOn: expires this many working days after the day the demo is seeded. */
  expiresInWorkingDays?: number;
  source: string;
  /** How many uses the demo records, so that the figures show something. */
  demoUses?: number;
};
