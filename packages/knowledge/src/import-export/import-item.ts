import { checkArticleFields, type CleanArticleFields } from "../article/article-validation.js";
import { ArticleAudience, ArticleLanguage, ArticleStatus } from "../article/article.enums.js";

/** Codes → ids, loaded once per import. */
export type ImportReferences = { categoryIdByCode: Map<string, string>; unitIdByCode: Map<string, string>; today: string };

export type PreparedItem =
  | { ok: true; fields: CleanArticleFields; status: ArticleStatus.DRAFT | ArticleStatus.PUBLISHED }
  | { ok: false; title: string | null; reason: string };

const str = (value: unknown): string | undefined => (typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined);

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => str(v)).filter((v): v is string => !!v) : [];
}

/**
 * Turns one imported item (JSON object or parsed Markdown) into validated article fields, or a
 * rejection with the reason. Defaults: status DRAFT, audience INTERNAL, language ZH_CN,
 * effectiveFrom today. Only DRAFT and PUBLISHED are accepted as statuses.
 */
export function prepareImportItem(raw: unknown, refs: ImportReferences): PreparedItem {
  if (typeof raw === "string") {
    return { ok: false, title: null, reason: raw };
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    return { ok: false, title: null, reason: "Not an article (expected an object with title, summary, body …)." };
  }
  const item = raw as Record<string, unknown>;
  const title = str(item.title)?.trim() || null;
  const reject = (reason: string): PreparedItem => ({ ok: false, title, reason });

  const codes = list(item.categoryCodes ?? item.categories);
  const unknownCodes = codes.filter((code) => !refs.categoryIdByCode.has(code));
  if (unknownCodes.length > 0) {
    return reject(`Unknown category code(s): ${unknownCodes.join(", ")}.`);
  }
  const unitCode = str(item.owningUnit) ?? null;
  if (unitCode && !refs.unitIdByCode.has(unitCode)) {
    return reject(`Unknown unit code: ${unitCode}.`);
  }
  const status = (str(item.status) ?? ArticleStatus.DRAFT).toUpperCase();
  if (status !== ArticleStatus.DRAFT && status !== ArticleStatus.PUBLISHED) {
    return reject(`Status must be DRAFT or PUBLISHED, not ${status}.`);
  }
  const { errors, clean } = checkArticleFields({
    title: str(item.title) ?? "",
    summary: str(item.summary) ?? "",
    body: str(item.body) ?? "",
    categoryIds: codes.map((code) => refs.categoryIdByCode.get(code)!),
    keywords: list(item.keywords),
    owningUnitId: unitCode ? refs.unitIdByCode.get(unitCode)! : null,
    audience: ((str(item.audience) ?? ArticleAudience.INTERNAL).toUpperCase() as ArticleAudience),
    language: ((str(item.language) ?? ArticleLanguage.ZH_CN).toUpperCase().replace("-", "_") as ArticleLanguage),
    effectiveFrom: str(item.effectiveFrom) ?? refs.today,
    expiresOn: str(item.expiresOn) ?? null,
    source: str(item.source) ?? null,
  });
  if (errors.length > 0) {
    return reject(errors.map((error) => `${error.field}: ${error.message}`).join(" "));
  }
  if (status === ArticleStatus.PUBLISHED && clean.expiresOn !== null && clean.expiresOn < refs.today) {
    return reject("A published article whose expiry date has passed cannot be imported; import it as DRAFT or change expiresOn.");
  }
  return { ok: true, fields: clean, status };
}
