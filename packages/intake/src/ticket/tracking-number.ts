import type { EntityManager } from "typeorm";

const ZONE = "Asia/Shanghai";

/** The calendar day (YYYY-MM-DD) of an instant in the hotline's time zone. */
export function hotlineDay(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** A tracking number looks like ZB-20261124-00017. */
export const TRACKING_NUMBER = /^[A-Z]{1,6}-\d{8}-\d{5,}$/;

/** Issues the next tracking number of the day; the counter row is locked until the transaction ends. */
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
