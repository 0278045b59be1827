import type { MigrationInterface, QueryRunner } from "typeorm";
import { dropTriggerSql, installSql, triggerSql } from "../measures/engine/measure-sql.js";
import { rebuildMeasuresIn } from "../measures/engine/rebuild.js";

/**
 * Written by hand: the measures aggregate (supervision_measure_day), each ticket's facts and lock
 * row, the working calendar as SQL reads it, the functions that recompute a ticket's facts and move
 * the difference into the aggregate, and the triggers that call them in the writer's transaction
 * (ticket, assignment, return, callback answer, re-report, supervision order). The functions' SQL
 * lives in measures/engine/measure-sql.ts (one definition, re-installed by every rebuild); the
 * indexes are proved with EXPLAIN in measures/engine/__tests__/measure-plans.test.ts.
 */
export class Measures1796555539973 implements MigrationInterface {
  name = "Measures1796555539973";

  public async up(queryRunner: QueryRunner): Promise<void> {
    const counters = `"received" integer NOT NULL DEFAULT '0', "direct" integer NOT NULL DEFAULT '0', "merged" integer NOT NULL DEFAULT '0', "dispatched" integer NOT NULL DEFAULT '0', "returned" integer NOT NULL DEFAULT '0', "extended" integer NOT NULL DEFAULT '0', "replied" integer NOT NULL DEFAULT '0', "handling_ms" bigint NOT NULL DEFAULT '0', "handling_work_ms" bigint NOT NULL DEFAULT '0', "rereported" integer NOT NULL DEFAULT '0', "due" integer NOT NULL DEFAULT '0', "on_time" integer NOT NULL DEFAULT '0', "survey_answered" integer NOT NULL DEFAULT '0', "survey_reasonable" integer NOT NULL DEFAULT '0', "result_satisfied" integer NOT NULL DEFAULT '0', "process_answered" integer NOT NULL DEFAULT '0', "process_satisfied" integer NOT NULL DEFAULT '0', "orders" integer NOT NULL DEFAULT '0'`;
    await queryRunner.query(
      `CREATE TABLE "supervision_measure_day" ("day" date NOT NULL, "unit_id" uuid NOT NULL, "category_id" uuid NOT NULL, "district_id" uuid NOT NULL, "township_id" uuid NOT NULL, "channel" text NOT NULL, "request_type" text NOT NULL, ${counters}, CONSTRAINT "PK_8f9d8c80342c758aeea0cbdede4" PRIMARY KEY ("day", "unit_id", "category_id", "district_id", "township_id", "channel", "request_type"))`,
    );
    await queryRunner.query(`CREATE INDEX "supervision_measure_day_unit_idx" ON "supervision_measure_day" ("unit_id", "day")`);
    await queryRunner.query(`CREATE INDEX "supervision_measure_day_category_idx" ON "supervision_measure_day" ("category_id", "day")`);
    await queryRunner.query(`CREATE INDEX "supervision_measure_day_district_idx" ON "supervision_measure_day" ("district_id", "day")`);
    await queryRunner.query(`CREATE INDEX "supervision_measure_day_township_idx" ON "supervision_measure_day" ("township_id", "day")`);
    await queryRunner.query(
      `CREATE TABLE "supervision_measure_fact" ("ticket_id" uuid NOT NULL, "day" date NOT NULL, "unit_id" uuid NOT NULL, ${counters}, CONSTRAINT "PK_edd58271cbef0979cfbc0c922e7" PRIMARY KEY ("ticket_id", "day", "unit_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "supervision_measure_fact_day_idx" ON "supervision_measure_fact" ("day", "ticket_id")`);
    await queryRunner.query(
      `CREATE TABLE "supervision_measure_ticket" ("ticket_id" uuid NOT NULL, "category_id" uuid, "district_id" uuid, "township_id" uuid, "channel" text, "request_type" text, CONSTRAINT "PK_07af813684c6188d9512f2a5f64" PRIMARY KEY ("ticket_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "supervision_measure_calendar" ("day" date NOT NULL, "working" boolean NOT NULL, "before_ms" bigint NOT NULL, CONSTRAINT "PK_988aad132c53a9728146a637d1d" PRIMARY KEY ("day"))`,
    );
    for (const statement of installSql()) {
      await queryRunner.query(statement);
    }
    for (const statement of triggerSql()) {
      await queryRunner.query(statement);
    }
    // the calendar and the tickets logged before this migration
    await rebuildMeasuresIn(queryRunner.manager);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of dropTriggerSql()) {
      await queryRunner.query(statement);
    }
    await queryRunner.query(`DROP FUNCTION supervision_measure_on_child()`);
    await queryRunner.query(`DROP FUNCTION supervision_measure_on_ticket()`);
    await queryRunner.query(`DROP FUNCTION supervision_measure_refresh(uuid)`);
    await queryRunner.query(`DROP FUNCTION supervision_measure_facts(uuid)`);
    await queryRunner.query(`DROP FUNCTION supervision_measure_working_ms(timestamptz, timestamptz)`);
    await queryRunner.query(`DROP FUNCTION supervision_measure_work_clock(timestamptz)`);
    await queryRunner.query(`DROP TABLE "supervision_measure_calendar"`);
    await queryRunner.query(`DROP TABLE "supervision_measure_ticket"`);
    await queryRunner.query(`DROP TABLE "supervision_measure_fact"`);
    await queryRunner.query(`DROP TABLE "supervision_measure_day"`);
  }
}
