import type { DataSource, EntityManager } from "typeorm";

/**
 * The time the portal's rules are checked against: the database clock (the same for every gateway
 * instance), unless a test passes its own `now` to show expiry without waiting.
 */
export async function portalNow(db: DataSource | EntityManager, now?: Date): Promise<Date> {
  if (now) {
    return now;
  }
  const rows: Array<{ now: Date }> = await db.query("SELECT clock_timestamp() AS now");
  return new Date(rows[0]!.now);
}
