import { Category } from "@civicline/intake";
import { dayOf, requireRole, saveFile, type Actor, type FileRefValue } from "@civicline/platform";
import { Unit } from "@civicline/routing";
import { strToU8 } from "fflate";
import type { DataSource } from "typeorm";
import { TRANSFER_ROLES } from "../article/article-access.js";
import { Article } from "../article/article.entity.js";
import type { ArticleStatus } from "../article/article.enums.js";
import { zipMarkdown, type ArticleRecord } from "./article-formats.js";

/** An article as files carry it (codes, not ids), the shape imports read back. */
export function toRecord(article: Article, categoryCode: Map<string, string>, unitCode: Map<string, string>): ArticleRecord {
  return {
    title: article.title,
    summary: article.summary,
    body: article.body,
    status: article.status,
    audience: article.audience,
    language: article.language,
    categoryCodes: article.categoryIds.map((id) => categoryCode.get(id)).filter((code): code is string => !!code),
    keywords: article.keywords,
    owningUnit: article.owningUnitId ? (unitCode.get(article.owningUnitId) ?? null) : null,
    effectiveFrom: article.effectiveFrom,
    expiresOn: article.expiresOn,
    source: article.source,
  };
}

/**
 * Exports articles (all, or those of one status) as a JSON array or a zip of Markdown files with
 * front matter, stored as a file the caller can download (`FileRef.url`).
 */
export async function exportArticles(options: { db: DataSource; actor: Actor | null; format: "JSON" | "MARKDOWN"; status?: ArticleStatus | null }): Promise<FileRefValue> {
  const actor = requireRole(options.actor, TRANSFER_ROLES);
  const [articles, categories, units] = await Promise.all([
    options.db.getRepository(Article).find({ where: options.status ? { status: options.status } : {}, order: { createdAt: "ASC", id: "ASC" } }),
    options.db.getRepository(Category).find(),
    options.db.getRepository(Unit).find(),
  ]);
  const categoryCode = new Map(categories.map((c) => [c.id, c.code]));
  const unitCode = new Map(units.map((u) => [u.id, u.code]));
  const records = articles.map((article) => toRecord(article, categoryCode, unitCode));
  const stamp = dayOf(new Date()).replaceAll("-", "");
  const suffix = options.status ? `-${options.status.toLowerCase()}` : "";
  const file =
    options.format === "JSON"
      ? { filename: `knowledge-${stamp}${suffix}.json`, contentType: "application/json", data: Buffer.from(strToU8(`${JSON.stringify(records, null, 2)}\n`)) }
      : { filename: `knowledge-${stamp}${suffix}.zip`, contentType: "application/zip", data: Buffer.from(zipMarkdown(records)) };
  return saveFile(options.db, { ...file, ownerId: actor.id });
}
