import type { MigrationInterface, QueryRunner } from "typeorm";
import { dropTriggerSql, triggerSql } from "../measures/engine/measure-sql.js";

/**
 * Written by hand: the measures' triggers fire on inserts and deletes, and on updates only when a
 * column the facts are computed from changed (measure-sql.ts WATCHED_COLUMNS) — a sign-for, a
 * follow-up count or a note no longer recomputes the ticket's facts. Same results, less work.
 */
export class MeasureTriggers1796557890183 implements MigrationInterface {
  name = "MeasureTriggers1796557890183";

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [...dropTriggerSql(), ...triggerSql()]) {
      await queryRunner.query(statement);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of dropTriggerSql()) {
      await queryRunner.query(statement);
    }
    await queryRunner.query(`CREATE TRIGGER supervision_measure_ticket AFTER INSERT OR UPDATE OR DELETE ON intake_ticket FOR EACH ROW EXECUTE FUNCTION supervision_measure_on_ticket()`);
    for (const table of ["routing_assignment", "routing_return_request", "callback_survey", "callback_re_report_proposal", "supervision_order"]) {
      await queryRunner.query(`CREATE TRIGGER supervision_measure_${table} AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION supervision_measure_on_child()`);
    }
  }
}
