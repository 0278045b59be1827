import { ValidationError } from "@civicline/platform";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";

/** An article as files carry it: codes instead of ids, optional status. */
export type ArticleRecord = {
  title: string;
  summary: string;
  body: string;
  status?: string;
  audience?: string;
  language?: string;
  categoryCodes?: string[];
  keywords?: string[];
  owningUnit?: string | null;
  effectiveFrom?: string;
  expiresOn?: string | null;
  source?: string | null;
};

/** At most this many articles per import. */
export const MAX_IMPORT_ITEMS = 20_000;
const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/;

function badFile(message: string): ValidationError {
  return new ValidationError([{ field: "uploadId", code: "INVALID_FORMAT", message }]);
}

/** A JSON file: an array of articles (or `{ "articles": [...] }`). Items are checked one by one later. */
export function parseJsonFile(data: Uint8Array): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(strFromU8(data).replace(/^\uFEFF/, ""));
  } catch (error) {
    throw badFile(`The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const items = Array.isArray(parsed) ? parsed : (parsed as { articles?: unknown } | null)?.articles;
  if (!Array.isArray(items)) {
    throw badFile("The JSON file must hold an array of articles.");
  }
  return items;
}

/**
 * One Markdown article: YAML front matter (title, summary, categories, keywords, audience, language,
 * effectiveFrom, expiresOn, source, owningUnit, status) and the body after it. Returns an error
 * message instead of throwing, so that one bad file is one rejected item.
 */
export function parseMarkdownArticle(text: string): Record<string, unknown> | string {
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    return "The file has no YAML front matter (--- … ---) at the top.";
  }
  let meta: unknown;
  try {
    meta = parseYaml(match[1]!);
  } catch (error) {
    return `The front matter is not valid YAML: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
  }
  if (!meta || typeof meta !== "object" || Array.isArray(meta)) {
    return "The front matter must be a set of key: value lines.";
  }
  const fields = meta as Record<string, unknown>;
  const asList = (value: unknown) => (Array.isArray(value) ? value.map(String) : typeof value === "string" ? value.split(/[,，、]/).map((v) => v.trim()).filter(Boolean) : undefined);
  return {
    ...fields,
    categoryCodes: asList(fields.categories ?? fields.categoryCodes),
    keywords: asList(fields.keywords),
    body: match[2]!.trim(),
  };
}

/** A Markdown import: one .md file, or a .zip of .md files (in name order; other entries ignored). */
export function parseMarkdownFile(filename: string, data: Uint8Array): unknown[] {
  const isZip = data[0] === 0x50 && data[1] === 0x4b;
  if (!isZip) {
    return [parseMarkdownArticle(strFromU8(data))];
  }
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(data, {
      filter: (file) => {
        total += file.originalSize;
        if (total > MAX_UNZIPPED_BYTES) {
          throw badFile("The zip file unpacks to more than 200 MB.");
        }
        return /\.(md|markdown)$/i.test(file.name) && !file.name.startsWith("__MACOSX/") && !file.name.split("/").pop()!.startsWith(".");
      },
    });
  } catch (error) {
    throw error instanceof ValidationError ? error : badFile(`${filename} is not a readable zip file.`);
  }
  return Object.keys(entries)
    .sort()
    .map((name) => parseMarkdownArticle(strFromU8(entries[name]!)));
}

/** One article as Markdown with front matter (what the export writes and the import reads). */
export function toMarkdown(record: ArticleRecord): string {
  const { body, ...meta } = record;
  const front: Record<string, unknown> = {
    title: meta.title,
    summary: meta.summary,
    status: meta.status,
    audience: meta.audience,
    language: meta.language,
    categories: meta.categoryCodes ?? [],
    keywords: meta.keywords ?? [],
    owningUnit: meta.owningUnit ?? null,
    effectiveFrom: meta.effectiveFrom,
    expiresOn: meta.expiresOn ?? null,
    source: meta.source ?? null,
  };
  return `---\n${stringifyYaml(front, { lineWidth: 0 })}---\n\n${body}\n`;
}

/** A zip of Markdown files, numbered in order so that a re-import keeps the order. */
export function zipMarkdown(records: ArticleRecord[]): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  records.forEach((record, index) => {
    const slug = record.title.replace(/[\\/:*?"<>|\s]+/g, "-").slice(0, 40) || "article";
    files[`${String(index + 1).padStart(5, "0")}-${slug}.md`] = strToU8(toMarkdown(record));
  });
  return zipSync(files, { level: 6 });
}
