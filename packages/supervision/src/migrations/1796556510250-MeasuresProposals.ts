import type { MigrationInterface, QueryRunner } from "typeorm";
import { installSql } from "../measures/engine/measure-sql.js";
import { rebuildMeasuresIn } from "../measures/engine/rebuild.js";

/**
 * Written by hand: accepted re-reports are found by their assignment (an index on callback's
 * proposals, declared there with synchronize: false), every counter is 0 rather than NULL when a
 * source row has no value; the functions are re-installed and the measures rebuilt.
 */
export class MeasuresProposals1796556510250 implements MigrationInterface {
  name = "MeasuresProposals1796556510250";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "callback_re_report_proposal_accepted_idx" ON "callback_re_report_proposal" ("assignment_id") WHERE state = 'ACCEPTED'`);
    for (const statement of installSql()) {
      await queryRunner.query(statement);
    }
    await rebuildMeasuresIn(queryRunner.manager);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "callback_re_report_proposal_accepted_idx"`);
  }
}
