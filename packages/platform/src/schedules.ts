import { createHash } from "node:crypto";
import type { DataSource } from "typeorm";
import type { Logger } from "pino";
import type { ScheduledJob } from "./module.js";

function lockKey(name: string): string {
  // A stable 63-bit advisory-lock key per job name.
  return BigInt.asIntN(64, BigInt(`0x${createHash("sha256").update(`civicline:${name}`).digest("hex").slice(0, 16)}`)).toString();
}

/**
 * Runs periodic jobs. Each run holds a transaction-level advisory lock named after the job, so when
 * several instances run, one of them does the work and the others skip that round.
 */
export class ScheduleRunner {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly log: Logger,
  ) {}

  start(jobs: ScheduledJob[]): void {
    for (const job of jobs) {
      const timer = setInterval(() => this.track(this.runOnce(job)), job.everyMs);
      timer.unref();
      this.timers.push(timer);
    }
  }

  /** Runs a job now if no other instance is running it; resolves to whether it ran. */
  async runOnce(job: ScheduledJob): Promise<boolean> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const [row] = (await manager.query("SELECT pg_try_advisory_xact_lock($1::bigint) AS locked", [lockKey(job.name)])) as Array<{ locked: boolean }>;
        if (!row?.locked) {
          return false;
        }
        await job.run();
        return true;
      });
    } catch (error) {
      this.log.error({ err: error, job: job.name }, "scheduled job failed; it runs again next round");
      return false;
    }
  }

  async stop(): Promise<void> {
    for (const timer of this.timers.splice(0)) {
      clearInterval(timer);
    }
    await Promise.allSettled([...this.running]);
  }

  private track(promise: Promise<unknown>): void {
    const settled = promise.then(() => undefined);
    this.running.add(settled);
    void settled.finally(() => this.running.delete(settled));
  }
}
