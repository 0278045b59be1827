import type { DataSource, EntityManager } from "typeorm";
import { measureTable } from "../engine/measure-rollups.js";
import { NONE } from "../engine/measure-sql.js";
import { findHotIssues, type HotCell, type HotFinding, type HotSettings } from "./hot-statistic.js";
import { shanghaiDay, type HotSpan } from "./hot-window.js";

/** A hot-issue cell: one category in a whole district (townshipId null), or in one of its townships. */
export type HotKey = { categoryId: string; districtId: string; townshipId: string | null };

/** The smallest measures table keeping day × category × district × township (the cube until a roll-up of those is added). */
export const HOT_TABLE = measureTable(["category_id", "district_id", "township_id"]);

/**
 * The statement behind `hotCells` ($1 baseline's first day, $2 window's first day, $3 the day after the
 * window, $4 the minimum count): a day-range scan of the table's primary key, by category × district
 * × township, only for category × district pairs with at least the minimum in the window.
 */
export function hotCellsStatement(span: HotSpan, minCount: number, table = HOT_TABLE): { sql: string; params: unknown[] } {
  return {
    sql: `WITH windowed AS (
       SELECT g.category_id, g.district_id FROM ${table} g
        WHERE g.day >= $2::date AND g.day < $3::date
        GROUP BY g.category_id, g.district_id HAVING sum(g.received + g.merged) >= $4
     )
     SELECT g.category_id, g.district_id, g.township_id,
            CASE WHEN g.day >= $2::date THEN -1 ELSE (g.day - $1::date) / 7 END AS week,
            sum(g.received + g.merged)::int AS n
       FROM ${table} g JOIN windowed w ON w.category_id = g.category_id AND w.district_id = g.district_id
      WHERE g.day >= $1::date AND g.day < $3::date
      GROUP BY 1, 2, 3, 4`,
    params: [shanghaiDay(span.baselineStart), shanghaiDay(span.windowStart), shanghaiDay(span.windowEnd), minCount],
  };
}

/**
 * Tickets received per category × district and per category × township: in the window, and in each of
 * the weeks before it, read from the measures aggregate (HOT_TABLE: received + merged, the tickets'
 * current category and area). Only districts with at least `minCount` tickets of the category in the
 * window are read (no other cell can be hot). Merged duplicates count: many callers reporting one
 * burst pipe is what a hot issue is.
 */
export async function hotCells(db: DataSource | EntityManager, span: HotSpan, minCount: number): Promise<{ districts: Array<HotCell<HotKey>>; townships: Array<HotCell<HotKey>> }> {
  const statement = hotCellsStatement(span, minCount);
  const rows: Array<{ category_id: string; district_id: string; township_id: string; week: number; n: number }> = await db.query(statement.sql, statement.params);
  const districts = new Map<string, HotCell<HotKey>>();
  const townships = new Map<string, HotCell<HotKey>>();
  const cellOf = (cells: Map<string, HotCell<HotKey>>, key: HotKey) => {
    const id = `${key.categoryId}:${key.districtId}:${key.townshipId ?? ""}`;
    let cell = cells.get(id);
    if (!cell) {
      cell = { key, count: 0, weeks: span.weekStarts.map(() => 0) };
      cells.set(id, cell);
    }
    return cell;
  };
  for (const row of rows) {
    const cells = [cellOf(districts, { categoryId: row.category_id, districtId: row.district_id, townshipId: null })];
    if (row.township_id !== NONE) {
      cells.push(cellOf(townships, { categoryId: row.category_id, districtId: row.district_id, townshipId: row.township_id }));
    }
    for (const cell of cells) {
      if (row.week < 0) {
        cell.count += row.n;
      } else if (row.week < cell.weeks.length) {
        cell.weeks[row.week]! += row.n;
      }
    }
  }
  return { districts: [...districts.values()], townships: [...townships.values()] };
}

/**
 * The hot cells of both levels: every hot township, and a hot district unless its hot townships
 * explain it — a district is kept only when the rest of it (its count and history without those
 * townships) is hot too. Most unusual first.
 */
export function hotAreas(cells: { districts: Array<HotCell<HotKey>>; townships: Array<HotCell<HotKey>> }, settings: HotSettings): Array<HotFinding<HotKey>> {
  const towns = findHotIssues(cells.townships, settings);
  const districts = findHotIssues(cells.districts, settings).filter((district) => {
    const inside = towns.filter((town) => town.key.categoryId === district.key.categoryId && town.key.districtId === district.key.districtId);
    if (inside.length === 0) {
      return true;
    }
    const rest: HotCell<HotKey> = {
      key: district.key,
      count: district.count - inside.reduce((sum, town) => sum + town.count, 0),
      weeks: district.weeks.map((value, index) => value - inside.reduce((sum, town) => sum + town.weeks[index]!, 0)),
    };
    return findHotIssues([rest], settings).length > 0;
  });
  return [...towns, ...districts].sort((a, b) => a.pValue - b.pValue || b.count - a.count);
}
