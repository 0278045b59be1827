import type { AppServices } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import type { SearchChannel } from "./search-log.entity.js";

type Logger = AppServices["log"];

/**
 * What makes a search "weak" (the knowledge-gaps figure counts those, not only empty ones): its
 * best hit ranked below this. Ranks are PostgreSQL ts_rank with the weights of search-sql.ts
 * (title and keywords 1.0, summary 0.4, body 0.2): every query term in the best hit's title or
 * keywords ranks ≈ 0.76, half of them ≈ 0.38, a match in the summary only ≈ 0.24, in the body only
 * ≈ 0.12. Below 0.2 thus means the call-taker's words were found nowhere but in some body text.
 * The last-resort matches (single characters, similar-looking words) are recorded with rank 0.
 */
export const WEAK_BEST_SCORE = 0.2;

/** One search as the knowledge-gaps report keeps it. */
export type SearchRecord = { query: string; resultCount: number; bestScore: number | null; actorId: string | null; channel: SearchChannel; at: Date };

/** Writes searches in one statement, however many. */
export async function insertSearchRecords(db: DataSource | EntityManager, records: readonly SearchRecord[]): Promise<void> {
  if (records.length === 0) {
    return;
  }
  await db.query(
    `INSERT INTO knowledge_search_log (query, result_count, best_score, actor_id, channel, at)
     SELECT * FROM unnest($1::text[], $2::int[], $3::real[], $4::uuid[], $5::text[], $6::timestamptz[])`,
    [
      records.map((r) => r.query),
      records.map((r) => r.resultCount),
      records.map((r) => r.bestScore),
      records.map((r) => r.actorId),
      records.map((r) => r.channel),
      records.map((r) => r.at.toISOString()),
    ],
  );
}

/**
 * Records searches off the request path: a search only appends to an in-memory buffer; the buffer
 * is written in one INSERT every `flushEveryMs` (1 s) or as soon as it holds `maxBatch` (200)
 * searches, and once more on `stop()` (gateway shutdown). A failed write is logged and dropped —
 * statistics never fail or slow a search. At most `maxBuffered` searches wait; beyond that the
 * oldest are dropped (and counted in the log).
 */
export class SearchRecorder {
  private buffer: SearchRecord[] = [];
  private inFlight: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;
  private dropped = 0;
  private readonly maxBatch: number;
  private readonly maxBuffered: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly log?: Logger,
    options: { maxBatch?: number; flushEveryMs?: number; maxBuffered?: number } = {},
  ) {
    this.maxBatch = options.maxBatch ?? 200;
    this.maxBuffered = options.maxBuffered ?? 10_000;
    this.timer = setInterval(() => void this.flush(), options.flushEveryMs ?? 1000);
    this.timer.unref();
  }

  /** Buffers one search (never waits, never throws). */
  record(entry: SearchRecord): void {
    this.buffer.push(entry);
    if (this.buffer.length > this.maxBuffered) {
      this.buffer.shift();
      this.dropped++;
    }
    if (this.buffer.length >= this.maxBatch) {
      void this.flush();
    }
  }

  /** Searches waiting to be written. */
  pending(): number {
    return this.buffer.length;
  }

  /** Writes what is buffered now (after any write already under way); resolves when written. */
  flush(): Promise<void> {
    const batch = this.buffer;
    this.buffer = [];
    this.inFlight = this.inFlight.then(async () => {
      if (this.dropped > 0) {
        this.log?.warn({ dropped: this.dropped }, "knowledge: search log buffer overflowed; oldest searches not recorded");
        this.dropped = 0;
      }
      try {
        await insertSearchRecords(this.dataSource, batch);
      } catch (error) {
        this.log?.error({ err: error, searches: batch.length }, "knowledge: could not record searches");
      }
    });
    return this.inFlight;
  }

  /** Stops the timer and writes what is left (on shutdown, before the database closes). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}

const recorders = new WeakMap<DataSource, SearchRecorder>();

/** The process's recorder for a database (one per gateway), created on first use. */
export function searchRecorderFor(services: Pick<AppServices, "dataSource" | "log">): SearchRecorder {
  let recorder = recorders.get(services.dataSource);
  if (!recorder) {
    recorder = new SearchRecorder(services.dataSource, services.log);
    recorders.set(services.dataSource, recorder);
  }
  return recorder;
}
