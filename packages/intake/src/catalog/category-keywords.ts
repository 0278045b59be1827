import { DomainError, Role, assertNoFieldErrors, publishOnCommit, recordAudit, requireRole, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { isUuid } from "../ticket/ticket-validation.js";
import { Category } from "./category.entity.js";
import { CATEGORIES_CHANGED_TOPIC, type CategoriesChangedMessage } from "./category-topics.js";

export const MAX_KEYWORDS = 30;
export const MAX_KEYWORD_LENGTH = 30;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

/**
 * Trims each keyword and drops empty ones and case-insensitive duplicates (the first spelling wins);
 * every broken rule is one field error (`keywords[i]` for one word, `keywords` for the list).
 */
export function normaliseKeywords(raw: readonly string[]): { keywords: string[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const keywords: string[] = [];
  const seen = new Set<string>();
  raw.forEach((value, index) => {
    const field = `keywords[${index}]`;
    if (CONTROL.test(value)) {
      errors.push({ field, code: "INVALID_CHARACTERS", message: "A keyword may not contain control characters or line breaks." });
      return;
    }
    const keyword = value.trim();
    if (keyword.length === 0) {
      return;
    }
    if ([...keyword].length > MAX_KEYWORD_LENGTH) {
      errors.push({ field, code: "TOO_LONG", message: `A keyword has at most ${MAX_KEYWORD_LENGTH} characters.` });
      return;
    }
    const key = keyword.toLocaleLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      keywords.push(keyword);
    }
  });
  if (errors.length === 0 && keywords.length > MAX_KEYWORDS) {
    errors.push({ field: "keywords", code: "TOO_MANY", message: `A category has at most ${MAX_KEYWORDS} keywords.` });
  }
  return { keywords, errors };
}

/** Replaces a category's keywords (ADMIN). Invalid input stores nothing; an unknown id is INTAKE/CATEGORY_NOT_FOUND. */
export async function setCategoryKeywords(
  dataSource: DataSource,
  input: { actor: Actor | null; categoryId: string; keywords: readonly string[] },
): Promise<{ category: Category; before: string[] }> {
  const actor = requireRole(input.actor, [Role.ADMIN]);
  const { keywords, errors } = normaliseKeywords(input.keywords);
  assertNoFieldErrors(errors);
  const notFound = new DomainError("INTAKE/CATEGORY_NOT_FOUND", "This category does not exist.");
  if (!isUuid(input.categoryId)) {
    throw notFound;
  }
  return dataSource.transaction(async (manager) => {
    const repo = manager.getRepository(Category);
    const category = await repo.findOne({ where: { id: input.categoryId }, lock: { mode: "pessimistic_write" } });
    if (!category) {
      throw notFound;
    }
    const before = category.keywords;
    category.keywords = keywords;
    await repo.update({ id: category.id }, { keywords });
    await recordAudit(manager, {
      actor,
      action: "category.keywords",
      entity: { type: "category", id: category.id, label: `${category.nameZh} / ${category.nameEn} (${category.code})` },
      before: { keywords: before },
      after: { keywords },
    });
    // Open call screens reload the tree (their category search matches keywords).
    await publishOnCommit(manager, CATEGORIES_CHANGED_TOPIC, { categoryIds: [category.id], change: "UPDATED" } satisfies CategoriesChangedMessage);
    return { category, before };
  });
}
