import { Category } from "@civicline/intake";
import { dayOf, DomainError, readFile, requireRole, Role, User, ValidationError, type Actor, type AppServices, type PgPubSub } from "@civicline/platform";
import { Unit } from "@civicline/routing";
import type { DataSource } from "typeorm";
import { TRANSFER_ROLES } from "../article/article-access.js";
import { addToLexicon, insertArticle } from "../article/article-editing.js";
import { ArticleAction } from "../article/article-history.entity.js";
import { returnedRows } from "../article/article-row.js";
import { isUuid } from "../article/article-validation.js";
import { importNotFound } from "../knowledge.errors.js";
import { articleLexicon } from "../search/search-document.js";
import { MAX_IMPORT_ITEMS, parseJsonFile, parseMarkdownFile } from "./article-formats.js";
import { ImportJob, type ImportFormatValue, type ImportRejectionValue } from "./import-job.entity.js";
import { prepareImportItem, type ImportReferences } from "./import-item.js";

/** Items per transaction: a large import never holds one transaction for its whole run. */
export const IMPORT_BATCH_SIZE = 200;
/** Progress topic; subscribers listen on `${IMPORT_PROGRESS_TOPIC}:<job id>`, payload `{ jobId }`. */
export const IMPORT_PROGRESS_TOPIC = "KNOWLEDGE_IMPORT_PROGRESS";
/** At most this many rejections are kept with the job (the counts stay exact). */
const MAX_STORED_REJECTIONS = 1000;

type Logger = AppServices["log"];
type Services = { dataSource: DataSource; pubsub?: Pick<PgPubSub, "publish"> | null; log?: Logger };

/** Reads and parses an uploaded file for its owner (or an admin). */
async function loadItems(dataSource: DataSource, actor: Actor, uploadId: string, format: ImportFormatValue): Promise<unknown[]> {
  let file: Awaited<ReturnType<typeof readFile>>;
  try {
    file = await readFile(dataSource, { id: uploadId, actor });
  } catch (error) {
    if (error instanceof DomainError && error.code === "PLATFORM/FILE_NOT_FOUND") {
      throw new ValidationError([{ field: "uploadId", code: "UNKNOWN", message: "Upload the file first (POST /uploads); this upload does not exist or is not yours." }]);
    }
    throw error;
  }
  const items = format === "JSON" ? parseJsonFile(file.data) : parseMarkdownFile(file.filename, file.data);
  if (items.length > MAX_IMPORT_ITEMS) {
    throw new ValidationError([{ field: "uploadId", code: "TOO_LONG", message: `At most ${MAX_IMPORT_ITEMS.toLocaleString("en")} articles per import.` }]);
  }
  return items;
}

async function loadReferences(dataSource: DataSource, today: string): Promise<ImportReferences> {
  const [categories, units] = await Promise.all([dataSource.getRepository(Category).findBy({ active: true }), dataSource.getRepository(Unit).findBy({ active: true })]);
  return { categoryIdByCode: new Map(categories.map((c) => [c.code, c.id])), unitIdByCode: new Map(units.map((u) => [u.code, u.id])), today };
}

/** The import job, for whoever started it or an admin. */
export async function getImportJob(options: { db: DataSource; actor: Actor | null; id: string }): Promise<ImportJob> {
  const actor = requireRole(options.actor, TRANSFER_ROLES);
  const job = isUuid(options.id) ? await options.db.getRepository(ImportJob).findOneBy({ id: options.id }) : null;
  if (!job || (job.startedBy !== actor.id && !actor.roles.includes(Role.ADMIN))) {
    throw importNotFound();
  }
  return job;
}

/** Checks and parses the uploaded file (a broken file is BAD_USER_INPUT at once) and creates a QUEUED job. */
export async function createImportJob(
  options: Services & { actor: Actor | null; uploadId: string; format: ImportFormatValue },
): Promise<{ job: ImportJob; items: unknown[]; actor: Actor }> {
  const actor = requireRole(options.actor, TRANSFER_ROLES);
  const items = await loadItems(options.dataSource, actor, options.uploadId, options.format);
  const repo = options.dataSource.getRepository(ImportJob);
  const job = await repo.save(repo.create({ status: "QUEUED", format: options.format, uploadId: options.uploadId, startedBy: actor.id, total: items.length }));
  return { job, items, actor };
}

/**
 * Starts an import: creates the job and processes it in the background. Follow it with
 * `importJob` or the `importJobProgress` subscription.
 */
export async function startImport(options: Services & { actor: Actor | null; uploadId: string; format: ImportFormatValue }): Promise<ImportJob> {
  const { job, items, actor } = await createImportJob(options);
  void processImportJob({ ...options, jobId: job.id, actor, items }).catch((error: unknown) =>
    options.log?.error({ err: error, jobId: job.id }, "knowledge import failed"),
  );
  return job;
}

/**
 * Processes a job from where it stands (`processed`), IMPORT_BATCH_SIZE items per transaction: each
 * item is checked and inserted under a savepoint (a bad item is rejected with its index and reason,
 * the others go in), and the job's counts are updated in the batch's own transaction, so that
 * progress always matches what is committed. Publishes progress after every batch. Resumable: a
 * job interrupted by a restart is picked up again by `resumeStaleImports`.
 */
export async function processImportJob(
  options: Services & { jobId: string; actor?: Actor; items?: unknown[]; batchSize?: number; today?: string; afterBatch?: (job: ImportJob) => Promise<void> },
): Promise<ImportJob> {
  const { dataSource } = options;
  const repo = dataSource.getRepository(ImportJob);
  const publish = (job: ImportJob) => options.pubsub?.publish(`${IMPORT_PROGRESS_TOPIC}:${job.id}`, { jobId: job.id });
  let job = await repo.findOneByOrFail({ id: options.jobId });
  try {
    const actor = options.actor ?? (await actorFor(dataSource, job.startedBy));
    const items = options.items ?? (await loadItems(dataSource, actor, job.uploadId, job.format));
    await dataSource.query("UPDATE knowledge_import_job SET status = 'RUNNING', total = $2, started_at = coalesce(started_at, now()), updated_at = now() WHERE id = $1", [job.id, items.length]);
    job = await repo.findOneByOrFail({ id: job.id });
    publish(job);
    const refs = await loadReferences(dataSource, options.today ?? dayOf(new Date()));
    const size = options.batchSize ?? IMPORT_BATCH_SIZE;
    for (let start = job.processed; start < items.length; start += size) {
      const next = await dataSource.transaction(async (manager) => {
        // the job row is the batch's lock: a second processor (a resume racing a slow run) stops here
        const [current] = (await manager.query("SELECT processed FROM knowledge_import_job WHERE id = $1 FOR UPDATE", [job.id])) as Array<{ processed: number }>;
        if (current?.processed !== start) {
          return null;
        }
        let imported = 0;
        const rejections: ImportRejectionValue[] = [];
        const words: string[] = [];
        for (let index = start; index < Math.min(items.length, start + size); index++) {
          const prepared = prepareImportItem(items[index], refs);
          if (!prepared.ok) {
            rejections.push({ index, title: prepared.title, reason: prepared.reason });
            continue;
          }
          try {
            await manager.transaction((savepoint) => insertArticle(savepoint, { fields: prepared.fields, status: prepared.status, actor, action: ArticleAction.IMPORTED, changeNote: "imported" }));
            imported++;
            words.push(...articleLexicon(prepared.fields));
          } catch (error) {
            rejections.push({ index, title: prepared.fields.title, reason: `Could not be stored: ${error instanceof Error ? error.message : String(error)}` });
          }
        }
        await addToLexicon(manager, [...new Set(words)]);
        await manager.query(
          `UPDATE knowledge_import_job SET processed = $2, imported = imported + $3, rejected = rejected + $4,
             rejections = CASE WHEN jsonb_array_length(rejections) >= ${MAX_STORED_REJECTIONS} THEN rejections ELSE rejections || $5::jsonb END,
             updated_at = now() WHERE id = $1`,
          [job.id, Math.min(items.length, start + size), imported, rejections.length, JSON.stringify(rejections)],
        );
        return manager.findOneByOrFail(ImportJob, { id: job.id });
      });
      if (!next) {
        options.log?.warn({ jobId: job.id }, "knowledge import taken over by another processor; stopping here");
        return repo.findOneByOrFail({ id: job.id });
      }
      job = next;
      publish(job);
      await options.afterBatch?.(job);
    }
    await dataSource.query("UPDATE knowledge_import_job SET status = 'DONE', finished_at = now() WHERE id = $1", [job.id]);
  } catch (error) {
    options.log?.error({ err: error, jobId: job.id }, "knowledge import stopped");
    const reason = error instanceof Error ? error.message : String(error);
    await dataSource.query(
      `UPDATE knowledge_import_job SET status = 'FAILED', finished_at = now(), rejections = rejections || $2::jsonb WHERE id = $1`,
      [job.id, JSON.stringify([{ index: job.processed, title: null, reason: `The import stopped: ${reason}` }])],
    );
  }
  job = await repo.findOneByOrFail({ id: job.id });
  publish(job);
  return job;
}

async function actorFor(dataSource: DataSource, userId: string): Promise<Actor> {
  const user = await dataSource.getRepository(User).findOneByOrFail({ id: userId });
  return { kind: "staff", id: user.id, name: user.displayName, roles: user.roles, unitId: user.unitId };
}

/**
 * Picks up jobs left QUEUED or RUNNING without a heartbeat for two minutes (their process died) and
 * continues them in the background from their last committed batch.
 */
export async function resumeStaleImports(services: Services): Promise<number> {
  const claimed = returnedRows<{ id: string }>(await services.dataSource.query(
    `UPDATE knowledge_import_job SET updated_at = now()
     WHERE id IN (SELECT id FROM knowledge_import_job WHERE status IN ('QUEUED','RUNNING') AND updated_at < now() - interval '2 minutes'
                  ORDER BY created_at LIMIT 5 FOR UPDATE SKIP LOCKED)
     RETURNING id`,
  ));
  for (const { id } of claimed) {
    void processImportJob({ ...services, jobId: id }).catch((error: unknown) => services.log?.error({ err: error, jobId: id }, "knowledge import resume failed"));
  }
  return claimed.length;
}
