import type { EntityManager } from "typeorm";

const ZONE = "Asia/Shanghai";

/** Built once: constructing an Intl.DateTimeFormat costs about 0.2 ms, more than the rest of a logCall's checks. */
const DAY_FORMAT = new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day (YYYY-MM-DD) of an instant in the hotline's time zone. */
export function hotlineDay(at: Date): string {
  return DAY_FORMAT.format(at);
}

/** A tracking number looks like ZB-20261124-00017. */
export const TRACKING_NUMBER = /^[A-Z]{1,6}-\d{8}-\d{5,}$/;

/**
 * Issues the next tracking number of the day with one statement.
 *
 * Outside a transaction (a DataSource's manager: ticket creation) the statement is its own
 * transaction and commits asynchronously (`synchronous_commit` off for that transaction only): the
 * day's counter row is locked for the statement's few microseconds, and neither the row nor the
 * creator waits for a WAL flush. That loses nothing: the ticket that carries the number commits
 * synchronously afterwards, and flushing its commit flushes all earlier WAL, this counter's
 * update included; if PostgreSQL stops before the ticket commits, the counter may come back one
 * lower, and the number is issued again to a later ticket, no ticket having it. So numbers are
 * unique and, apart from a ticket whose storing fails after every check passed, without gaps.
 *
 * Inside a transaction (seed data, imports) the row stays locked until that transaction ends and
 * commits with it, as the transaction's own durability says (it is never made asynchronous).
 */
export async function nextTrackingNumber(manager: EntityManager, prefix: string, at: Date): Promise<string> {
  const day = hotlineDay(at);
  const ownTransaction = !manager.queryRunner?.isTransactionActive;
  const rows: Array<{ last_value: number }> = await manager.query(
    ownTransaction
      ? `INSERT INTO intake_tracking_sequence (day, last_value)
         SELECT $1, 1 FROM (SELECT set_config('synchronous_commit', 'off', true)) AS this_statement_commits_asynchronously
         ON CONFLICT (day) DO UPDATE SET last_value = intake_tracking_sequence.last_value + 1
         RETURNING last_value`
      : `INSERT INTO intake_tracking_sequence (day, last_value) VALUES ($1, 1)
         ON CONFLICT (day) DO UPDATE SET last_value = intake_tracking_sequence.last_value + 1
         RETURNING last_value`,
    [day],
  );
  const sequence = String(rows[0]!.last_value).padStart(5, "0");
  return `${prefix}-${day.replaceAll("-", "")}-${sequence}`;
}
