import type { MigrationInterface, QueryRunner } from "typeorm";

/** Follow-up calls (催办): one row each, indexed per ticket and per unit; maintained counts on the assignment. */
export class FollowUps1796545473272 implements MigrationInterface {
  name = "FollowUps1796545473272";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "routing_follow_up" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "assignment_id" uuid, "unit_id" uuid, "words" text NOT NULL, "call_id" text, "recorded_by_id" uuid NOT NULL, "recorded_by_name" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_d0d054fc2158a2d359b7e70b5f5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "routing_follow_up_ticket_idx" ON "routing_follow_up" ("ticket_id", "at") `);
    await queryRunner.query(`CREATE INDEX "routing_follow_up_at_unit_idx" ON "routing_follow_up" ("at", "unit_id") `);
    await queryRunner.query(`ALTER TABLE "routing_assignment" ADD "follow_up_count" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "routing_assignment" ADD "last_follow_up_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "routing_assignment" ADD "last_follow_up_words" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "routing_assignment" DROP COLUMN "last_follow_up_words"`);
    await queryRunner.query(`ALTER TABLE "routing_assignment" DROP COLUMN "last_follow_up_at"`);
    await queryRunner.query(`ALTER TABLE "routing_assignment" DROP COLUMN "follow_up_count"`);
    await queryRunner.query(`DROP INDEX "public"."routing_follow_up_at_unit_idx"`);
    await queryRunner.query(`DROP INDEX "public"."routing_follow_up_ticket_idx"`);
    await queryRunner.query(`DROP TABLE "routing_follow_up"`);
  }
}
