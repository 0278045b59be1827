import { OUTBOX_CHANNEL } from "@civicline/platform";
import type { DataSource } from "typeorm";

/**
 * Wakes the outbox processors (this instance's and the others') after a commit that wrote events
 * without a NOTIFY (see createTicket); resolves once the NOTIFY is sent, so the processors are woken
 * before the caller answers, as they were when the NOTIFY came with the commit. Never rejects.
 *
 * Why not NOTIFY inside the transaction, as recordEvent does: PostgreSQL serialises the commits of
 * all transactions that NOTIFY (a database-wide lock taken just before the commit and held until
 * after its WAL flush), so ticket creators that notified in their own transaction committed one
 * at a time, each waiting for the previous one's flush. A NOTIFY alone writes no WAL and waits for
 * no flush.
 *
 * Wake-ups are coalesced per DataSource: a request made while a NOTIFY is under way is served by
 * one more NOTIFY sent when it ends (so after the request, so after its commit), shared by every
 * request made meanwhile. A wake-up that fails is not the ticket's failure (the ticket is stored):
 * the processors' poll finds the event.
 */
export async function wakeOutbox(db: DataSource): Promise<void> {
  let wake = outboxWakers.get(db);
  if (!wake) {
    wake = coalesced(async () => {
      await db.query("SELECT pg_notify($1, 'wake')", [OUTBOX_CHANNEL]);
    });
    outboxWakers.set(db, wake);
  }
  await wake().catch(() => undefined);
}

const outboxWakers = new WeakMap<DataSource, () => Promise<void>>();

/**
 * Runs `send` at most once at a time. A call while a run is under way is answered by the next run,
 * which starts when that one has ended and serves every call made in the meantime; so each call's
 * promise settles with a run that started after the call.
 */
export function coalesced(send: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  const start = (): Promise<void> => {
    const run: Promise<void> = send().finally(() => {
      if (running === run) {
        running = undefined;
      }
    });
    running = run;
    return run;
  };
  return () => {
    if (!running) {
      return start();
    }
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return start();
      });
    return queued;
  };
}
