import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Supervision orders (督办单): the orders, their timelines and the settings. The partial unique index
 * `supervision_order_open_key` allows one open order per ticket and level and answers "is this ticket
 * under supervision"; `supervision_order_auto_key` makes the automatic reminder once per assignment.
 */
export class SupervisionOrders1796544236558 implements MigrationInterface {
  name = "SupervisionOrders1796544236558";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "supervision_order" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "assignment_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "level" text NOT NULL, "state" text NOT NULL, "reason" text NOT NULL, "auto" boolean NOT NULL DEFAULT false, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "issued_by_id" uuid, "issued_by_name" text NOT NULL, "response_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "answer_text" text, "expected_done_at" TIMESTAMP WITH TIME ZONE, "answered_at" TIMESTAMP WITH TIME ZONE, "answered_by_name" text, "escalations" integer NOT NULL DEFAULT '0', "send_backs" integer NOT NULL DEFAULT '0', "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by_name" text, "close_note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_06e97a9250b4c76e4be9a99de66" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "supervision_order_open_key" ON "supervision_order" ("ticket_id", "level") WHERE state <> 'CLOSED'`);
    await queryRunner.query(`CREATE INDEX "supervision_order_ticket_idx" ON "supervision_order" ("ticket_id", "issued_at")`);
    await queryRunner.query(`CREATE INDEX "supervision_order_unit_idx" ON "supervision_order" ("unit_id", "state", "response_due_at")`);
    await queryRunner.query(`CREATE INDEX "supervision_order_state_idx" ON "supervision_order" ("state", "response_due_at")`);
    await queryRunner.query(`CREATE INDEX "supervision_order_issued_idx" ON "supervision_order" ("issued_at", "unit_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "supervision_order_auto_key" ON "supervision_order" ("assignment_id") WHERE auto`);
    await queryRunner.query(
      `CREATE TABLE "supervision_order_event" ("id" BIGSERIAL NOT NULL, "order_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "action" text NOT NULL, "level" text NOT NULL, "actor_name" text NOT NULL, "note" text, "due_at" TIMESTAMP WITH TIME ZONE, "automatic" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_3315a7be3b0c03fdb79dcba3d69" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "supervision_order_event_order_idx" ON "supervision_order_event" ("order_id", "id")`);
    await queryRunner.query(
      `CREATE TABLE "supervision_order_settings" ("id" integer NOT NULL, "auto_reminder_on_overdue" boolean NOT NULL, "reminder_minutes" integer NOT NULL, "formal_minutes" integer NOT NULL, "listed_minutes" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by_name" text NOT NULL, CONSTRAINT "PK_1977851450f72b7db836d9fbd97" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "supervision_order_settings"`);
    await queryRunner.query(`DROP TABLE "supervision_order_event"`);
    await queryRunner.query(`DROP TABLE "supervision_order"`);
  }
}
