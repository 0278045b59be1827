import type { MigrationInterface, QueryRunner } from "typeorm";

/** A joint supervision decision marks the assignment it made as not returnable; never edit once landed. */
export class AssignmentFinalDecision1796544039109 implements MigrationInterface {
  name = "AssignmentFinalDecision1796544039109";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "routing_assignment" ADD "final_decision" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "routing_assignment" DROP COLUMN "final_decision"`);
  }
}
