import type { MigrationInterface, QueryRunner } from "typeorm";

/** Citizens' progress texts (notices, templates, preferences) and citizens' additions to open requests; written by hand. */
export class CitizenNotices1796555563781 implements MigrationInterface {
  name = "CitizenNotices1796555563781";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "callback_sms_notice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" text NOT NULL, "ticket_id" uuid NOT NULL, "step" text NOT NULL, "phone" text NOT NULL, "co_reporter" boolean NOT NULL DEFAULT false, "locale" text, "text" text NOT NULL, "state" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "next_attempt_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_callback_sms_notice" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "callback_sms_notice_event_phone_key" ON "callback_sms_notice"  ("event_id", "phone") `);
    await queryRunner.query(`CREATE INDEX "callback_sms_notice_ticket_idx" ON "callback_sms_notice"  ("ticket_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "callback_sms_template" ("step" text NOT NULL, "locale" text NOT NULL, "text" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by_name" text NOT NULL, CONSTRAINT "PK_callback_sms_template" PRIMARY KEY ("step", "locale"))`);
    await queryRunner.query(`CREATE TABLE "callback_sms_preference" ("phone" text NOT NULL, "locale" text, "opted_out" boolean NOT NULL DEFAULT false, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_callback_sms_preference" PRIMARY KEY ("phone"))`);
    await queryRunner.query(`CREATE TABLE "callback_citizen_addition" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "assignment_id" uuid, "unit_id" uuid, "message" text, "file_ids" uuid array NOT NULL DEFAULT '{}', "at" TIMESTAMP WITH TIME ZONE NOT NULL, "seen_at" TIMESTAMP WITH TIME ZONE, "seen_by_name" text, CONSTRAINT "PK_callback_citizen_addition" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "callback_citizen_addition_ticket_idx" ON "callback_citizen_addition"  ("ticket_id", "at") `);
    await queryRunner.query(`CREATE INDEX "callback_citizen_addition_unread_idx" ON "callback_citizen_addition"  ("unit_id", "at") WHERE seen_at IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."callback_citizen_addition_unread_idx"`);
    await queryRunner.query(`DROP INDEX "public"."callback_citizen_addition_ticket_idx"`);
    await queryRunner.query(`DROP TABLE "callback_citizen_addition"`);
    await queryRunner.query(`DROP TABLE "callback_sms_preference"`);
    await queryRunner.query(`DROP TABLE "callback_sms_template"`);
    await queryRunner.query(`DROP INDEX "public"."callback_sms_notice_ticket_idx"`);
    await queryRunner.query(`DROP INDEX "public"."callback_sms_notice_event_phone_key"`);
    await queryRunner.query(`DROP TABLE "callback_sms_notice"`);
  }
}
