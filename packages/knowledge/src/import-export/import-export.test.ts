import { readFile, saveFile } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildFixture, knowledgeTestDatabase, publishArticle, type Fixture } from "../__tests__/factories.js";
import { Article } from "../article/article.entity.js";
import { ArticleStatus } from "../article/article.enums.js";
import { searchArticles } from "../search/article-search.js";
import { parseMarkdownArticle } from "./article-formats.js";
import { exportArticles } from "./export-articles.js";
import { createImportJob, getImportJob, processImportJob, resumeStaleImports, startImport } from "./import-articles.js";
import type { ImportJob } from "./import-job.entity.js";

let db: TestDatabase;
let f: Fixture;
beforeAll(async () => {
  db = await knowledgeTestDatabase();
  f = await buildFixture(db);
});
afterAll(() => db?.destroy());

const upload = (filename: string, data: Uint8Array | string) =>
  saveFile(db.dataSource, { filename, contentType: "application/octet-stream", data: Buffer.from(typeof data === "string" ? strToU8(data) : data), ownerId: f.author.id });

function item(n: number, overrides: Record<string, unknown> = {}) {
  return {
    title: `导入文章 ${n} 供暖`,
    summary: `第 ${n} 篇的摘要`,
    body: `正文 ${n}`,
    categoryCodes: [f.leaf.code],
    keywords: [`关键词${n}`],
    owningUnit: f.unit.code,
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    status: "PUBLISHED",
    ...overrides,
  };
}

/** The job once it has finished (DONE or FAILED); a busy machine gets a generous bound. */
function waitForJob(id: string): Promise<ImportJob> {
  return vi.waitFor(
    async () => {
      const job = await getImportJob({ db: db.dataSource, actor: f.author, id });
      if (job.status !== "DONE" && job.status !== "FAILED") {
        throw new Error(`import ${id} is still ${job.status}`);
      }
      return job;
    },
    { timeout: 30_000, interval: 50 },
  );
}

describe("importing", () => {
  it("imports a JSON file in batches of 200, each committed on its own, and reports rejected items", async () => {
    const items = Array.from({ length: 450 }, (_, n) => item(n));
    items[3] = item(3, { title: "" });
    items[250] = item(250, { categoryCodes: ["NO.SUCH"] });
    items[251] = item(251, { status: "ARCHIVED" });
    items[449] = item(449, { effectiveFrom: "2025-13-01" });
    const file = await upload("articles.json", JSON.stringify(items));
    const { job, items: parsed, actor } = await createImportJob({ dataSource: db.dataSource, actor: f.author, uploadId: file.id, format: "JSON" });
    expect(job).toMatchObject({ status: "QUEUED", total: 450 });

    const observer = new pg.Client({ connectionString: db.url });
    await observer.connect();
    const seen: Array<{ processed: number; committedRows: number; status: string }> = [];
    try {
      const done = await processImportJob({
        dataSource: db.dataSource,
        jobId: job.id,
        actor,
        items: parsed,
        afterBatch: async (progress) => {
          const rows = await observer.query("SELECT count(*)::int AS n FROM knowledge_article WHERE title LIKE '导入文章 %'");
          seen.push({ processed: progress.processed, committedRows: rows.rows[0].n, status: progress.status });
        },
      });
      expect(done).toMatchObject({ status: "DONE", total: 450, processed: 450, imported: 446, rejected: 4 });
      expect(done.rejections.map((r) => r.index)).toEqual([3, 250, 251, 449]);
      expect(done.rejections[1]).toMatchObject({ title: "导入文章 250 供暖", reason: expect.stringContaining("NO.SUCH") });
    } finally {
      await observer.end();
    }
    // three transactions; after each, another connection already sees its rows while the job runs on
    expect(seen).toEqual([
      { processed: 200, committedRows: 199, status: "RUNNING" },
      { processed: 400, committedRows: 397, status: "RUNNING" },
      { processed: 450, committedRows: 446, status: "RUNNING" },
    ]);
    const hits = await searchArticles({ db: db.dataSource, actor: f.operator, input: { query: "关键词17" } });
    expect(hits.hits.map((h) => h.article.title)).toEqual(["导入文章 17 供暖"]);
  });

  it("never imports a batch twice when two processors race, and resumes a job left behind by a dead process", async () => {
    const prefix = `竞争导入${Date.now()}`;
    const items = Array.from({ length: 300 }, (_, n) => item(n, { title: `${prefix} ${n}` }));
    const file = await upload("race.json", JSON.stringify(items));
    const { job, items: parsed, actor } = await createImportJob({ dataSource: db.dataSource, actor: f.author, uploadId: file.id, format: "JSON" });
    await Promise.all([
      processImportJob({ dataSource: db.dataSource, jobId: job.id, actor, items: parsed }),
      processImportJob({ dataSource: db.dataSource, jobId: job.id, actor, items: parsed }),
    ]);
    expect(await getImportJob({ db: db.dataSource, actor: f.author, id: job.id })).toMatchObject({ status: "DONE", processed: 300, imported: 300 });
    const [{ n }] = await db.dataSource.query("SELECT count(*)::int AS n FROM knowledge_article WHERE title LIKE $1", [`${prefix} %`]);
    expect(n).toBe(300);

    // a process died after its first batch: the job is RUNNING, silent, at 200 of 300
    const crashPrefix = `中断导入${Date.now()}`;
    const crashFile = await upload("crash.json", JSON.stringify(Array.from({ length: 300 }, (_, i) => item(i, { title: `${crashPrefix} ${i}` }))));
    const crashed = await createImportJob({ dataSource: db.dataSource, actor: f.author, uploadId: crashFile.id, format: "JSON" });
    await processImportJob({
      dataSource: db.dataSource,
      jobId: crashed.job.id,
      actor,
      items: crashed.items.slice(0, 200),
    });
    await db.dataSource.query("UPDATE knowledge_import_job SET status = 'RUNNING', total = 300, finished_at = NULL, updated_at = now() - interval '10 minutes' WHERE id = $1", [crashed.job.id]);
    expect(await resumeStaleImports({ dataSource: db.dataSource })).toBeGreaterThanOrEqual(1);
    const resumed = await waitForJob(crashed.job.id);
    expect(resumed).toMatchObject({ status: "DONE", processed: 300, imported: 300 });
    const [{ m }] = await db.dataSource.query("SELECT count(*)::int AS m FROM knowledge_article WHERE title LIKE $1", [`${crashPrefix} %`]);
    expect(m).toBe(300);
  });

  it("imports a zip of Markdown files in the background, rejecting bad files", async () => {
    const md = (title: string, extra = "") => `---\ntitle: ${title}\nsummary: 摘要\ncategories: [${f.leaf.code}]\nkeywords: [停水, water]\naudience: PUBLIC\nlanguage: ZH_CN\neffectiveFrom: 2025-03-01\nowningUnit: ${f.unit.code}\n${extra}---\n\n# 正文\n\n计划停水提前公告。\n`;
    const zip = zipSync({
      "a.md": strToU8(md("停水通知甲")),
      "b.md": strToU8("no front matter here"),
      "c.md": strToU8(md("停水通知丙", "owningUnit: NOPE\n").replace(`owningUnit: ${f.unit.code}\n`, "")),
      "notes.txt": strToU8("ignored"),
      "__MACOSX/._a.md": strToU8("ignored"),
    });
    const file = await upload("articles.zip", zip);
    const job = await startImport({ dataSource: db.dataSource, actor: f.author, uploadId: file.id, format: "MARKDOWN" });
    const done = await waitForJob(job.id);
    expect(done).toMatchObject({ status: "DONE", total: 3, imported: 1, rejected: 2 });
    expect(done.rejections.map((r) => r.index)).toEqual([1, 2]);
    expect(done.rejections[1]!.reason).toContain("NOPE");
    const imported = await db.dataSource.getRepository(Article).findOneByOrFail({ title: "停水通知甲" });
    expect(imported).toMatchObject({ status: ArticleStatus.DRAFT, keywords: ["停水", "water"], effectiveFrom: "2025-03-01", owningUnitId: f.unit.id });
    expect(imported.body).toContain("计划停水提前公告");
  });

  it("refuses a file that is not JSON at once, and someone else's upload", async () => {
    const broken = await upload("broken.json", "{ not json");
    await expect(startImport({ dataSource: db.dataSource, actor: f.author, uploadId: broken.id, format: "JSON" })).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      fields: [{ field: "uploadId", code: "INVALID_FORMAT" }],
    });
    await expect(startImport({ dataSource: db.dataSource, actor: f.secondReviewer, uploadId: broken.id, format: "JSON" })).rejects.toMatchObject({
      fields: [{ field: "uploadId", code: "UNKNOWN" }],
    });
    await expect(startImport({ dataSource: db.dataSource, actor: f.operator, uploadId: broken.id, format: "JSON" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("exporting", () => {
  it("round-trips JSON: an export imported again gives the same articles", async () => {
    const original = await publishArticle(db, f, { title: "导出往返测试", keywords: ["往返", "round trip"], expiresOn: "2099-06-30", source: "测试来源" });
    const ref = await exportArticles({ db: db.dataSource, actor: f.author, format: "JSON", status: ArticleStatus.PUBLISHED });
    expect(ref.url).toBe(`/files/${ref.id}`);
    const file = await readFile(db.dataSource, { id: ref.id, actor: f.author });
    const records = JSON.parse(file.data.toString("utf8")) as Array<Record<string, unknown>>;
    const mine = records.find((r) => r.title === "导出往返测试")!;
    expect(mine).toMatchObject({ status: "PUBLISHED", categoryCodes: [f.leaf.code], owningUnit: f.unit.code, expiresOn: "2099-06-30", source: "测试来源" });

    await db.dataSource.query("UPDATE knowledge_article SET title = '改名以区分' WHERE id = $1", [original.id]);
    const again = await startImport({ dataSource: db.dataSource, actor: f.author, uploadId: (await upload("again.json", JSON.stringify([mine]))).id, format: "JSON" });
    expect(await waitForJob(again.id)).toMatchObject({ status: "DONE", imported: 1, rejected: 0 });
    const copy = await db.dataSource.getRepository(Article).findOneByOrFail({ title: "导出往返测试" });
    const source = await db.dataSource.getRepository(Article).findOneByOrFail({ id: original.id });
    for (const field of ["summary", "body", "keywords", "categoryIds", "owningUnitId", "audience", "language", "effectiveFrom", "expiresOn", "source", "status"] as const) {
      expect(copy[field]).toEqual(source[field]);
    }
  });

  it("exports Markdown as a zip of files with front matter", async () => {
    await publishArticle(db, f, { title: "Markdown 导出", keywords: ["md"] });
    const ref = await exportArticles({ db: db.dataSource, actor: f.reviewer, format: "MARKDOWN", status: null });
    const file = await readFile(db.dataSource, { id: ref.id, actor: f.reviewer });
    expect(ref.filename).toMatch(/\.zip$/);
    const entries = unzipSync(new Uint8Array(file.data));
    const parsed = Object.values(entries).map((data) => parseMarkdownArticle(strFromU8(data)));
    expect(parsed).toContainEqual(expect.objectContaining({ title: "Markdown 导出", keywords: ["md"], categoryCodes: [f.leaf.code] }));
  });
});
