import type { MigrationInterface, QueryRunner } from "typeorm";
import { rollupInstallSql } from "../measures/engine/measure-rollups.js";
import { COUNTERS, installSql } from "../measures/engine/measure-sql.js";

/** The striped tables, their key columns before the stripe, and their primary keys' names (TypeORM's naming) before and after. */
const TABLES = [
  {
    table: "supervision_measure_day",
    key: ["day", "unit_id", "category_id", "district_id", "township_id", "channel", "request_type"],
    before: "PK_8f9d8c80342c758aeea0cbdede4",
    after: "PK_99a0ec347e287014b47c8319b00",
  },
  { table: "supervision_measure_day_by_unit", key: ["day", "unit_id"], before: "PK_ee99c948bfad4b4c4b7750d779b", after: "PK_2e171228fbcb8af176dd2316202" },
  { table: "supervision_measure_day_by_area", key: ["day", "district_id", "township_id"], before: "PK_42fb2b2ebe225185825fa17f71e", after: "PK_6c31229030fa05f77bcba9ac1c0" },
  { table: "supervision_measure_day_by_category", key: ["day", "category_id"], before: "PK_319dd78dcf9027a617bff2c689e", after: "PK_f13bb10a1c65d887bfe15d682b1" },
  {
    table: "supervision_measure_day_by_category_area",
    key: ["day", "category_id", "district_id", "township_id"],
    before: "PK_15682ce301a4b917aea0574c638",
    after: "PK_093e40adc01de45960e627514a5",
  },
];

/**
 * Written by hand (issue 15: ticket creation must not serialise): the measures cube and its four
 * unstriped roll-ups get a `stripe` key column, so that concurrent writers add into different rows (a
 * stripe per open transaction, supervision_measure_stripe()) instead of queueing on one row lock until
 * COMMIT. Existing rows are stripe 0 (the default); the refresh and roll-up triggers are re-installed
 * to write their transaction's stripe. Never edit once landed.
 */
export class MeasureStripes1796570978989 implements MigrationInterface {
  name = "MeasureStripes1796570978989";

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, key, before, after } of TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "stripe" smallint NOT NULL DEFAULT '0'`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${before}"`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${after}" PRIMARY KEY (${[...key, "stripe"].map((c) => `"${c}"`).join(", ")})`);
    }
    for (const statement of [...installSql(), ...rollupInstallSql()]) {
      await queryRunner.query(statement);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [...installSql({ striped: false }), ...rollupInstallSql({ striped: false })]) {
      await queryRunner.query(statement);
    }
    // the stripes of each cell summed into one row (stripe 0), then the column dropped
    await queryRunner.query(`SELECT set_config('civicline.measure_rebuild', 'on', true)`);
    for (const { table, key, before, after } of TABLES) {
      const cols = key.join(", ");
      await queryRunner.query(
        `WITH gone AS (DELETE FROM ${table} WHERE stripe <> 0 RETURNING ${cols}, ${COUNTERS.join(", ")}),
              summed AS (SELECT ${cols}, ${COUNTERS.map((c) => `sum(${c}) AS ${c}`).join(", ")} FROM gone GROUP BY ${cols})
         INSERT INTO ${table} AS r (${cols}, stripe, ${COUNTERS.join(", ")}) SELECT ${cols}, 0, ${COUNTERS.join(", ")} FROM summed
         ON CONFLICT (${cols}, stripe) DO UPDATE SET ${COUNTERS.map((c) => `${c} = r.${c} + EXCLUDED.${c}`).join(", ")}`,
      );
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${after}"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "stripe"`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${before}" PRIMARY KEY (${key.map((c) => `"${c}"`).join(", ")})`);
    }
    await queryRunner.query(`SELECT set_config('civicline.measure_rebuild', 'off', true)`);
  }
}
