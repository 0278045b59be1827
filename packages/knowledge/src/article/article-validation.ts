import { Category } from "@civicline/intake";
import { assertNoFieldErrors, ForbiddenError, hasAnyRole, normalizeText, Role, textProblem, type Actor, type FieldError, type TextKind } from "@civicline/platform";
import { Unit } from "@civicline/routing";
import { In, type EntityManager } from "typeorm";
import { ArticleAudience, ArticleLanguage } from "./article.enums.js";

export const LIMITS = { title: 200, summary: 1000, body: 100_000, keywords: 30, keyword: 50, source: 500, changeNote: 500, comment: 2000 } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** What an editor sends (the GraphQL ArticleInput, also what imports produce). */
export type ArticleFields = {
  title: string;
  summary: string;
  body: string;
  categoryIds: string[];
  keywords: string[];
  owningUnitId?: string | null;
  audience: ArticleAudience;
  language: ArticleLanguage;
  effectiveFrom: string;
  expiresOn?: string | null;
  source?: string | null;
};

/** Validated, normalised fields, ready to store. */
export type CleanArticleFields = Required<ArticleFields> & { owningUnitId: string | null; expiresOn: string | null; source: string | null };

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** Whether a string is a real calendar day written YYYY-MM-DD. */
export function isDay(value: unknown): value is string {
  if (typeof value !== "string") {
    return false;
  }
  const match = DAY.exec(value);
  if (!match) {
    return false;
  }
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function length(value: string): number {
  return [...value].length;
}

/** How each text field is named to a person, and where it is shown (the platform's character policy). */
const TEXT_FIELDS = {
  title: { label: "Title", kind: "line" },
  summary: { label: "Summary", kind: "text" },
  body: { label: "Body", kind: "text" },
  source: { label: "Source", kind: "line" },
} as const satisfies Record<string, { label: string; kind: TextKind }>;

function text(errors: FieldError[], field: keyof typeof TEXT_FIELDS, raw: unknown, max: number, required: boolean): string | null {
  const { label, kind } = TEXT_FIELDS[field];
  const problem = typeof raw === "string" ? textProblem(raw, kind) : null;
  if (problem) {
    errors.push({ field, code: "INVALID_CHARACTERS", message: `${label} ${problem}.` });
    return required ? "" : null;
  }
  const value = typeof raw === "string" ? normalizeText(raw) : "";
  if (!value) {
    if (required) {
      errors.push({ field, code: "REQUIRED", message: `${label} is required.` });
    }
    return required ? "" : null;
  }
  if (length(value) > max) {
    errors.push({ field, code: "TOO_LONG", message: `${label} must be at most ${max.toLocaleString("en")} characters (it has ${length(value).toLocaleString("en")}).` });
  }
  return value;
}

/** Keywords trimmed, deduplicated and checked: at most LIMITS.keywords, each a storable line of LIMITS.keyword characters. */
function keywordList(errors: FieldError[], raw: unknown): string[] {
  const given = (Array.isArray(raw) ? raw : []).filter((k): k is string => typeof k === "string");
  const problem = given.map((k) => textProblem(k, "line")).find(Boolean);
  if (problem) {
    errors.push({ field: "keywords", code: "INVALID_CHARACTERS", message: `A keyword ${problem}.` });
    return [];
  }
  const keywords = [...new Set(given.map(normalizeText).filter(Boolean))];
  if (keywords.length > LIMITS.keywords) {
    errors.push({ field: "keywords", code: "TOO_LONG", message: `At most ${LIMITS.keywords} keywords.` });
  } else if (keywords.some((k) => length(k) > LIMITS.keyword)) {
    errors.push({ field: "keywords", code: "TOO_LONG", message: `A keyword may be at most ${LIMITS.keyword} characters.` });
  }
  return keywords;
}

/** Checks the shape of the fields without the database (used first, and by imports per item). */
export function checkArticleFields(input: ArticleFields): { errors: FieldError[]; clean: CleanArticleFields } {
  const errors: FieldError[] = [];
  const title = text(errors, "title", input.title, LIMITS.title, true)!;
  const summary = text(errors, "summary", input.summary, LIMITS.summary, true)!;
  const body = text(errors, "body", input.body, LIMITS.body, true)!;
  const source = text(errors, "source", input.source, LIMITS.source, false);
  const keywords = keywordList(errors, input.keywords);
  const categoryIds = [...new Set(Array.isArray(input.categoryIds) ? input.categoryIds : [])];
  if (categoryIds.length === 0) {
    errors.push({ field: "categoryIds", code: "REQUIRED", message: "Choose at least one category." });
  } else if (!categoryIds.every(isUuid)) {
    errors.push({ field: "categoryIds", code: "UNKNOWN", message: "Choose categories from the list." });
  }
  const owningUnitId = input.owningUnitId || null;
  if (owningUnitId !== null && !isUuid(owningUnitId)) {
    errors.push({ field: "owningUnitId", code: "UNKNOWN", message: "Choose a unit from the list." });
  }
  if (!Object.values(ArticleAudience).includes(input.audience)) {
    errors.push({ field: "audience", code: "UNKNOWN", message: "Audience is INTERNAL or PUBLIC." });
  }
  if (!Object.values(ArticleLanguage).includes(input.language)) {
    errors.push({ field: "language", code: "UNKNOWN", message: "Language is ZH_CN or EN." });
  }
  if (!input.effectiveFrom) {
    errors.push({ field: "effectiveFrom", code: "REQUIRED", message: "The effective date is required." });
  } else if (!isDay(input.effectiveFrom)) {
    errors.push({ field: "effectiveFrom", code: "INVALID_FORMAT", message: "Write the effective date as YYYY-MM-DD." });
  }
  const expiresOn = input.expiresOn || null;
  if (expiresOn !== null && !isDay(expiresOn)) {
    errors.push({ field: "expiresOn", code: "INVALID_FORMAT", message: "Write the expiry date as YYYY-MM-DD." });
  } else if (expiresOn !== null && isDay(input.effectiveFrom) && expiresOn < input.effectiveFrom) {
    errors.push({ field: "expiresOn", code: "INVALID_FORMAT", message: "The expiry date must be on or after the effective date." });
  }
  return {
    errors,
    clean: { title, summary, body, source, keywords, categoryIds, owningUnitId, audience: input.audience, language: input.language, effectiveFrom: input.effectiveFrom, expiresOn },
  };
}

/** Unknown category and unit ids, as field errors. */
export async function checkArticleReferences(manager: EntityManager, clean: CleanArticleFields): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const found = await manager.count(Category, { where: { id: In(clean.categoryIds), active: true } });
  if (found !== clean.categoryIds.length) {
    errors.push({ field: "categoryIds", code: "UNKNOWN", message: "Choose categories from the list." });
  }
  if (clean.owningUnitId && !(await manager.exists(Unit, { where: { id: clean.owningUnitId, active: true } }))) {
    errors.push({ field: "owningUnitId", code: "UNKNOWN", message: "Choose a unit from the list." });
  }
  return errors;
}

/**
 * Validates an editor's input completely (shape, references, the handler's own unit) and returns
 * it normalised, or throws BAD_USER_INPUT listing every bad field / FORBIDDEN.
 */
export async function validateArticleInput(manager: EntityManager, actor: Actor, input: ArticleFields): Promise<CleanArticleFields> {
  const { errors, clean } = checkArticleFields(input);
  assertNoFieldErrors(errors);
  if (!hasAnyRole(actor, [Role.ADMIN, Role.SUPERVISOR])) {
    clean.owningUnitId ??= actor.unitId;
    if (!actor.unitId || clean.owningUnitId !== actor.unitId) {
      throw new ForbiddenError("Handlers write articles for their own unit only.");
    }
  }
  assertNoFieldErrors(await checkArticleReferences(manager, clean));
  return clean;
}
