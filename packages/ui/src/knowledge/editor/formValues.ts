import { characterCount } from "../../components/TextArea.tsx";
import { fieldErrors } from "../../errors.ts";
import { isIsoDay, shanghaiDay } from "../dates.ts";
import type { ArticleAudience, ArticleInputValue, ArticleLanguage, ArticleRecord } from "../types.ts";

/** Soft limits shown by the counters; the server has the final word (TOO_LONG). */
export const TITLE_MAX = 120;
export const SUMMARY_MAX = 500;
export const BODY_MAX = 20_000;

export type ArticleFormValues = {
  title: string;
  summary: string;
  body: string;
  categoryIds: string[];
  keywords: string[];
  owningUnitId: string;
  audience: ArticleAudience;
  language: ArticleLanguage;
  effectiveFrom: string;
  expiresOn: string;
  source: string;
};

export type ArticleField = keyof ArticleFormValues;
export type ArticleFormErrors = Partial<Record<ArticleField, string>>;

/** Order of the fields on the page (for the error summary) and the id of each control. */
export const ARTICLE_FIELDS: readonly ArticleField[] = [
  "title",
  "summary",
  "body",
  "categoryIds",
  "keywords",
  "owningUnitId",
  "audience",
  "language",
  "effectiveFrom",
  "expiresOn",
  "source",
];

export const FIELD_IDS: Record<ArticleField, string> = {
  title: "kb-title",
  summary: "kb-summary",
  body: "kb-body",
  categoryIds: "kb-categories",
  keywords: "kb-keywords",
  owningUnitId: "kb-owning-unit",
  audience: "kb-audience",
  language: "kb-language",
  effectiveFrom: "kb-effective-from",
  expiresOn: "kb-expires-on",
  source: "kb-source",
};

/** A new article: internal, Chinese, in force from today (Beijing), the handler's unit when known. */
export function emptyArticleForm(owningUnitId = "", today = shanghaiDay()): ArticleFormValues {
  return {
    title: "",
    summary: "",
    body: "",
    categoryIds: [],
    keywords: [],
    owningUnitId,
    audience: "INTERNAL",
    language: "ZH_CN",
    effectiveFrom: today,
    expiresOn: "",
    source: "",
  };
}

/** The form of an article: the change under way when there is one (the version being edited), else the article. */
export function formFromArticle(article: ArticleRecord): ArticleFormValues {
  const change = article.pendingChange?.version;
  if (change) {
    return {
      title: change.title,
      summary: change.summary,
      body: change.body,
      categoryIds: [...change.categoryIds],
      keywords: [...change.keywords],
      owningUnitId: change.owningUnitId ?? "",
      audience: change.audience,
      language: change.language,
      effectiveFrom: change.effectiveFrom,
      expiresOn: change.expiresOn ?? "",
      source: change.source ?? "",
    };
  }
  return {
    title: article.title,
    summary: article.summary,
    body: article.body,
    categoryIds: article.categories.map((category) => category.id),
    keywords: [...article.keywords],
    owningUnitId: article.owningUnit?.id ?? "",
    audience: article.audience,
    language: article.language,
    effectiveFrom: article.effectiveFrom,
    expiresOn: article.expiresOn ?? "",
    source: article.source ?? "",
  };
}

export type ValidationMessages = { required: string; categories: string; date: string; expiryOrder: string; tooLong: string };

/** What can be checked before sending: required fields, dates and their order, the length limits. */
export function validateArticle(values: ArticleFormValues, messages: ValidationMessages): ArticleFormErrors {
  const errors: ArticleFormErrors = {};
  for (const field of ["title", "summary", "body", "effectiveFrom"] as const) {
    if (values[field].trim() === "") {
      errors[field] = messages.required;
    }
  }
  if (values.categoryIds.length === 0) {
    errors.categoryIds = messages.categories;
  }
  const limits = { title: TITLE_MAX, summary: SUMMARY_MAX, body: BODY_MAX } as const;
  for (const [field, max] of Object.entries(limits) as [keyof typeof limits, number][]) {
    if (!errors[field] && characterCount(values[field]) > max) {
      errors[field] = messages.tooLong;
    }
  }
  if (!errors.effectiveFrom && !isIsoDay(values.effectiveFrom)) {
    errors.effectiveFrom = messages.date;
  }
  if (values.expiresOn !== "") {
    if (!isIsoDay(values.expiresOn)) {
      errors.expiresOn = messages.date;
    } else if (!errors.effectiveFrom && values.expiresOn < values.effectiveFrom) {
      errors.expiresOn = messages.expiryOrder;
    }
  }
  return errors;
}

/** The contract's ArticleInput: trimmed text, empty optional fields as null, keywords de-duplicated. */
export function toArticleInput(values: ArticleFormValues): ArticleInputValue {
  const optional = (text: string) => (text.trim() === "" ? null : text.trim());
  return {
    title: values.title.trim(),
    summary: values.summary.trim(),
    body: values.body,
    categoryIds: [...values.categoryIds],
    keywords: [...new Set(values.keywords.map((keyword) => keyword.trim()).filter(Boolean))],
    owningUnitId: optional(values.owningUnitId),
    audience: values.audience,
    language: values.language,
    effectiveFrom: values.effectiveFrom,
    expiresOn: optional(values.expiresOn),
    source: optional(values.source),
  };
}

/**
 * BAD_USER_INPUT field messages placed on the form's fields (`input.title` and `title` alike);
 * messages for fields the form does not show are returned apart.
 */
export function articleServerErrors(
  error: unknown,
  localized: Record<string, string> = fieldErrors(error),
): { fields: ArticleFormErrors; other: string[] } {
  const fields: ArticleFormErrors = {};
  const other: string[] = [];
  for (const [path, message] of Object.entries(localized)) {
    const name = path.split(".").pop() ?? path;
    const field = name.replace(/\[\d+\]$/, "");
    if ((ARTICLE_FIELDS as readonly string[]).includes(field)) {
      fields[field as ArticleField] ??= message;
    } else {
      other.push(message);
    }
  }
  return { fields, other };
}

/** Whether two forms hold the same article content (to know if there is anything unsaved). */
export function sameForm(a: ArticleFormValues, b: ArticleFormValues): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
