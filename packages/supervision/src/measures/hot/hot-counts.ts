import type { DataSource, EntityManager } from "typeorm";
import { measureTable } from "../engine/measure-rollups.js";
import type { HotCell } from "./hot-statistic.js";
import { shanghaiDay, type HotSpan } from "./hot-window.js";

/** A hot-issue cell: one category in one district. */
export type HotKey = { categoryId: string; districtId: string };

/** The smallest measures table keeping day × category × district (the cube until a roll-up of those is added). */
export const HOT_TABLE = measureTable(["category_id", "district_id"]);

/**
 * The statement behind `hotCells` ($1 baseline's first day, $2 window's first day, $3 the day after the
 * window, $4 the minimum count): a day-range scan of the table's primary key.
 */
export function hotCellsStatement(span: HotSpan, minCount: number, table = HOT_TABLE): { sql: string; params: unknown[] } {
  return {
    sql: `WITH windowed AS (
       SELECT g.category_id, g.district_id FROM ${table} g
        WHERE g.day >= $2::date AND g.day < $3::date
        GROUP BY g.category_id, g.district_id HAVING sum(g.received + g.merged) >= $4
     )
     SELECT g.category_id, g.district_id,
            CASE WHEN g.day >= $2::date THEN -1 ELSE (g.day - $1::date) / 7 END AS week,
            sum(g.received + g.merged)::int AS n
       FROM ${table} g JOIN windowed w ON w.category_id = g.category_id AND w.district_id = g.district_id
      WHERE g.day >= $1::date AND g.day < $3::date
      GROUP BY 1, 2, 3`,
    params: [shanghaiDay(span.baselineStart), shanghaiDay(span.windowStart), shanghaiDay(span.windowEnd), minCount],
  };
}

/**
 * Tickets received per category × district: in the window, and in each of the weeks before it, read
 * from the measures aggregate (HOT_TABLE: received + merged, the tickets' current
 * category and district; a day-range scan of its primary key). Only cells with at least `minCount`
 * tickets in the window are returned (no other can be hot). Merged duplicates count: many callers
 * reporting one burst pipe is what a hot issue is.
 */
export async function hotCells(db: DataSource | EntityManager, span: HotSpan, minCount: number): Promise<Array<HotCell<HotKey>>> {
  const statement = hotCellsStatement(span, minCount);
  const rows: Array<{ category_id: string; district_id: string; week: number; n: number }> = await db.query(statement.sql, statement.params);
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
