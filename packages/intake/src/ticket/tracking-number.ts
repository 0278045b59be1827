import type { EntityManager } from "typeorm";

const ZONE = "Asia/Shanghai";

/** The calendar day (YYYY-MM-DD) of an instant in the hotline's time zone. */
export function hotlineDay(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** A tracking number looks like ZB-20261124-00017. */
export const TRACKING_NUMBER = /^[A-Z]{1,6}-\d{8}-\d{5,}$/;

/**
 * Issues the next tracking number of the day with one statement. On a DataSource (or a manager
 * outside a transaction) the statement commits on its own, so the day's counter row is locked for
 * that statement only and concurrent creators never queue behind each other's transactions; a
 * number is then skipped only when storing the ticket fails after every check has passed. Inside a
 * transaction the row stays locked until that transaction ends (seed data, imports).
 */
export async function nextTrackingNumber(manager: EntityManager, prefix: string, at: Date): Promise<string> {
  const day = hotlineDay(at);
  const rows: Array<{ last_value: number }> = await manager.query(
    `INSERT INTO intake_tracking_sequence (day, last_value) VALUES ($1, 1)
     ON CONFLICT (day) DO UPDATE SET last_value = intake_tracking_sequence.last_value + 1
     RETURNING last_value`,
    [day],
  );
  const sequence = String(rows[0]!.last_value).padStart(5, "0");
  return `${prefix}-${day.replaceAll("-", "")}-${sequence}`;
}
