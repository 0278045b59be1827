import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The chasing board (督办看板): late tickets by stage and their per-unit counters, with the
 * indexes its lists read (stage or unit, oldest deadline first; the alarm's partial index).
 */
export class Chasing1796544152400 implements MigrationInterface {
  name = "Chasing1796544152400";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "supervision_chasing_item" ("ticket_id" uuid NOT NULL, "stage" text NOT NULL, "severity" text NOT NULL, "unit_id" uuid, "assignment_id" uuid, "urgency" text NOT NULL, "alarm" boolean NOT NULL DEFAULT false, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "late_since" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_supervision_chasing_item" PRIMARY KEY ("ticket_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "supervision_chasing_item_stage_due_idx" ON "supervision_chasing_item" ("stage", "due_at", "ticket_id") `);
    await queryRunner.query(
      `CREATE INDEX "supervision_chasing_item_unit_due_idx" ON "supervision_chasing_item" ("unit_id", "stage", "due_at", "ticket_id") WHERE unit_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "supervision_chasing_item_alarm_idx" ON "supervision_chasing_item" ("due_at", "ticket_id") WHERE alarm`);
    await queryRunner.query(
      `CREATE TABLE "supervision_chasing_count" ("stage" text NOT NULL, "severity" text NOT NULL, "unit_key" uuid NOT NULL, "count" integer NOT NULL DEFAULT 0, CONSTRAINT "PK_supervision_chasing_count" PRIMARY KEY ("stage", "severity", "unit_key"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "supervision_chasing_count"`);
    await queryRunner.query(`DROP INDEX "public"."supervision_chasing_item_alarm_idx"`);
    await queryRunner.query(`DROP INDEX "public"."supervision_chasing_item_unit_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."supervision_chasing_item_stage_due_idx"`);
    await queryRunner.query(`DROP TABLE "supervision_chasing_item"`);
  }
}
