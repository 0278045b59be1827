import type { DataSource, EntityManager } from "typeorm";
import type { HotCell } from "./hot-statistic.js";
import type { HotSpan } from "./hot-window.js";

/** A hot-issue cell: one category in one district. */
export type HotKey = { categoryId: string; districtId: string };

/**
 * Tickets received per category × district: in the window, and in each of the weeks before it.
 * Only cells with at least `minCount` tickets in the window are returned (no other can be hot).
 * Merged duplicates count: many callers reporting one burst pipe is what a hot issue is.
 */
export async function hotCells(db: DataSource | EntityManager, span: HotSpan, minCount: number): Promise<Array<HotCell<HotKey>>> {
  const rows: Array<{ category_id: string; district_id: string; week: number; n: number }> = await db.query(
    `WITH windowed AS (
       SELECT category_id, district_id FROM intake_ticket
        WHERE received_at >= $2 AND received_at < $3
        GROUP BY category_id, district_id HAVING count(*) >= $4
     )
     SELECT t.category_id, t.district_id,
            CASE WHEN t.received_at >= $2 THEN -1 ELSE floor(extract(epoch FROM t.received_at - $1::timestamptz) / 604800)::int END AS week,
            count(*)::int AS n
       FROM intake_ticket t JOIN windowed w ON w.category_id = t.category_id AND w.district_id = t.district_id
      WHERE t.received_at >= $1 AND t.received_at < $3
      GROUP BY 1, 2, 3`,
    [span.baselineStart, span.windowStart, span.windowEnd, minCount],
  );
  const cells = new Map<string, HotCell<HotKey>>();
  for (const row of rows) {
    const id = `${row.category_id}:${row.district_id}`;
    let cell = cells.get(id);
    if (!cell) {
      cell = { key: { categoryId: row.category_id, districtId: row.district_id }, count: 0, weeks: span.weekStarts.map(() => 0) };
      cells.set(id, cell);
    }
    if (row.week < 0) {
      cell.count += row.n;
    } else if (row.week < cell.weeks.length) {
      cell.weeks[row.week]! += row.n;
    }
  }
  return [...cells.values()];
}
