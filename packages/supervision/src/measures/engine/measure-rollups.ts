import type { EntityManager } from "typeorm";
import { COUNTERS, STRIPE_SQL } from "./measure-sql.js";

/**
 * Roll-ups of the measures cube `supervision_measure_day` (day × unit × category × district ×
 * township × channel × request type). At ten million tickets the cube has about as many cells as
 * tickets (most combinations occur once a day), so a year's figures for all units would sum millions
 * of rows. Each roll-up keeps the same counters by day and fewer dimensions; a row trigger on the cube
 * adds every change of a cube cell into each roll-up in the same transaction (+= deltas, into the
 * writer's stripe: every table has a `stripe` key column, see MEASURE_STRIPES), and the rebuild
 * recomputes them from the cube (stripe 0). Every read sums over the stripes. Reads pick the smallest table whose dimensions cover the
 * filter and the breakdown (`measureTable`).
 */

/** A dimension of the cube a read may filter or group on (`day` is in every table). */
export type MeasureDimension = "unit_id" | "category_id" | "district_id" | "township_id" | "channel" | "request_type";

/**
 * `key`: the roll-up's dimension columns (day first); every roll-up also has a `stripe` key column
 * (see MEASURE_STRIPES in measure-sql.ts: a writer adds into its transaction's stripe, reads sum over
 * them). `stripeDefault`: the stripe column has DEFAULT 0 (all but the all-units roll-up, striped from
 * its start without a default; the others got the column in migration MeasureStripes).
 */
type Rollup = { table: string; dimensions: readonly MeasureDimension[]; key: readonly string[]; stripeDefault: boolean };

const ROLLUPS: readonly Rollup[] = [
  { table: "supervision_measure_day_all", dimensions: [], key: ["day"], stripeDefault: false },
  { table: "supervision_measure_day_by_unit", dimensions: ["unit_id"], key: ["day", "unit_id"], stripeDefault: true },
  { table: "supervision_measure_day_by_area", dimensions: ["district_id", "township_id"], key: ["day", "district_id", "township_id"], stripeDefault: true },
  { table: "supervision_measure_day_by_category", dimensions: ["category_id"], key: ["day", "category_id"], stripeDefault: true },
  {
    table: "supervision_measure_day_by_category_area",
    dimensions: ["category_id", "district_id", "township_id"],
    key: ["day", "category_id", "district_id", "township_id"],
    stripeDefault: true,
  },
];

export const MEASURE_CUBE = "supervision_measure_day";

/**
 * The smallest table that answers a read filtering on `filtered` and grouping by `groupBy`: a roll-up
 * whose dimensions include them all, else the cube.
 */
export function measureTable(filtered: readonly MeasureDimension[], groupBy?: MeasureDimension | "day"): string {
  const needed = [...filtered, ...(groupBy && groupBy !== "day" ? [groupBy] : [])];
  return ROLLUPS.find((rollup) => needed.every((d) => rollup.dimensions.includes(d)))?.table ?? MEASURE_CUBE;
}

/** The trigger function and trigger that keep the roll-ups (CREATE OR REPLACE: the rebuild re-installs them). */
export function rollupInstallSql(options: { striped?: boolean } = {}): string[] {
  const striped = options.striped ?? true;
  const delta = (c: string) => `(coalesce(NEW.${c}, 0) - coalesce(OLD.${c}, 0))`;
  const upserts = ROLLUPS.map((rollup) => {
    // `striped: false`: the roll-ups as before migration MeasureStripes (only the all-units one striped)
    const key = striped || !rollup.stripeDefault ? [...rollup.key, "stripe"] : rollup.key;
    const values = [...rollup.key.map((c) => `k.${c}`), ...(key.length > rollup.key.length ? [STRIPE_SQL] : [])];
    return `INSERT INTO ${rollup.table} AS r (${key.join(", ")}, ${COUNTERS.join(", ")})
          VALUES (${values.join(", ")}, ${COUNTERS.map(delta).join(", ")})
          ON CONFLICT (${key.join(", ")}) DO UPDATE SET ${COUNTERS.map((c) => `${c} = r.${c} + EXCLUDED.${c}`).join(", ")};`;
  }).join("\n        ");
  return [
    `CREATE OR REPLACE FUNCTION supervision_measure_rollup() RETURNS trigger LANGUAGE plpgsql AS $fn$
      DECLARE
        k record;
      BEGIN
        -- the rebuild fills the roll-ups set-based from the cube afterwards
        IF current_setting('civicline.measure_rebuild', true) = 'on' THEN RETURN NULL; END IF;
        IF TG_OP = 'UPDATE' AND NEW IS NOT DISTINCT FROM OLD THEN RETURN NULL; END IF;
        IF TG_OP = 'DELETE' THEN k := OLD; ELSE k := NEW; END IF;
        ${upserts}
        RETURN NULL;
      END $fn$`,
    `DROP TRIGGER IF EXISTS supervision_measure_rollup ON ${MEASURE_CUBE}`,
    `CREATE TRIGGER supervision_measure_rollup AFTER INSERT OR UPDATE OR DELETE ON ${MEASURE_CUBE} FOR EACH ROW EXECUTE FUNCTION supervision_measure_rollup()`,
  ];
}

/** Statements that recompute every roll-up from the cube (inside the rebuild's transaction). */
export function rollupRebuildSql(): string[] {
  const sums = COUNTERS.map((c) => `sum(d.${c})`).join(", ");
  return [
    `TRUNCATE ${ROLLUPS.map((r) => r.table).join(", ")}`,
    ...ROLLUPS.map((rollup) => {
      // the rebuild writes stripe 0 only (the column's default where it has one: migration
      // MeasureRollups runs this before MeasureStripes added it); later changes spread over the stripes
      const groups = rollup.key.map((c) => `d.${c}`);
      const key = rollup.stripeDefault ? rollup.key : [...rollup.key, "stripe"];
      const values = rollup.stripeDefault ? groups : [...groups, "0::smallint"];
      return `INSERT INTO ${rollup.table} (${key.join(", ")}, ${COUNTERS.join(", ")})
        SELECT ${values.join(", ")}, ${sums} FROM ${MEASURE_CUBE} d GROUP BY ${groups.join(", ")}`;
    }),
  ];
}

/** Disables the roll-up trigger for the rest of the transaction (the rebuild rewrites the cube wholesale). */
export async function pauseRollups(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT set_config('civicline.measure_rebuild', 'on', true)`);
}

/**
 * Recomputes the roll-ups from the cube and turns their trigger back on (inside the rebuild's
 * transaction). The Measures migration rebuilds too, before migration MeasureRollups has created the
 * roll-up tables: then there is nothing to do (that migration fills them from the cube).
 */
export async function rebuildRollupsIn(manager: EntityManager): Promise<void> {
  const [exists] = (await manager.query(`SELECT to_regclass('supervision_measure_day_all') IS NOT NULL AS exists`)) as Array<{ exists: boolean }>;
  if (!exists?.exists) {
    await manager.query(`SELECT set_config('civicline.measure_rebuild', 'off', true)`);
    return;
  }
  for (const statement of rollupInstallSql()) {
    await manager.query(statement);
  }
  for (const statement of rollupRebuildSql()) {
    await manager.query(statement);
  }
  await manager.query(`SELECT set_config('civicline.measure_rebuild', 'off', true)`);
}

/** SQL giving, per roll-up, how many of its cells differ from the cube summed the same way (0 = consistent; for tests). */
export function rollupDifferencesSql(): string {
  return ROLLUPS.map((rollup) => {
    const cols = rollup.key.join(", ");
    const sums = COUNTERS.map((c) => `sum(${c})::bigint AS ${c}`).join(", ");
    return `SELECT '${rollup.table}' AS rollup, count(*)::int AS differing FROM (
      (SELECT ${cols}, ${sums} FROM ${rollup.table} GROUP BY ${cols} HAVING ${COUNTERS.map((c) => `sum(${c}) <> 0`).join(" OR ")}
       EXCEPT SELECT ${cols}, ${sums} FROM ${MEASURE_CUBE} GROUP BY ${cols} HAVING ${COUNTERS.map((c) => `sum(${c}) <> 0`).join(" OR ")})
      UNION ALL
      (SELECT ${cols}, ${sums} FROM ${MEASURE_CUBE} GROUP BY ${cols} HAVING ${COUNTERS.map((c) => `sum(${c}) <> 0`).join(" OR ")}
       EXCEPT SELECT ${cols}, ${sums} FROM ${rollup.table} GROUP BY ${cols} HAVING ${COUNTERS.map((c) => `sum(${c}) <> 0`).join(" OR ")})) x`;
  }).join("\nUNION ALL\n");
}

/**
 * Runs `fill` (set-based inserts into `tables`, inside the caller's transaction) with the tables'
 * secondary indexes dropped, then builds them once: at millions of rows a sort-built index is many
 * times faster than inserting every row into every index. Keys and unique indexes stay (constraints).
 */
export async function withSecondaryIndexesRebuilt(manager: EntityManager, tables: readonly string[], fill: () => Promise<void>): Promise<void> {
  const indexes = (await manager.query(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = ANY($1::regclass[]) AND NOT i.indisprimary AND NOT i.indisunique
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
    [tables],
  )) as Array<{ name: string; definition: string }>;
  for (const index of indexes) {
    await manager.query(`DROP INDEX "${index.name}"`);
  }
  await fill();
  for (const index of indexes) {
    await manager.query(index.definition);
  }
}
