import type { MigrationInterface, QueryRunner } from "typeorm";

/** Seats and shifts (roster), call records and their tickets, daily samples, sampling runs and settings; written by hand. */
export class QaCore1796567223233 implements MigrationInterface {
  name = "QaCore1796567223233";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "qa_seat" ("code" text NOT NULL, "name" text NOT NULL, "active" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_qa_seat" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE TABLE "qa_shift" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seat_code" text NOT NULL, "user_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by_name" text NOT NULL, CONSTRAINT "PK_qa_shift" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "qa_shift_seat_idx" ON "qa_shift" ("seat_code", "starts_at") `);
    await queryRunner.query(`CREATE INDEX "qa_shift_user_idx" ON "qa_shift" ("user_id", "starts_at") `);
    await queryRunner.query(`CREATE TABLE "qa_call" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "call_id" text NOT NULL, "seat_code" text NOT NULL, "call_taker_id" uuid, "caller_number" text NOT NULL, "direction" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE NOT NULL, "wait_seconds" integer NOT NULL, "talk_seconds" integer NOT NULL, "recording_url" text, "recording_file_id" uuid, "transcript" text, "flagged_at" TIMESTAMP WITH TIME ZONE, "flag_reason" text, "reported_by_name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_qa_call" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "qa_call_call_id_key" ON "qa_call" ("call_id") `);
    await queryRunner.query(`CREATE INDEX "qa_call_flagged_idx" ON "qa_call" ("flagged_at") WHERE flagged_at IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "qa_call_taker_idx" ON "qa_call" ("call_taker_id", "started_at") `);
    await queryRunner.query(`CREATE INDEX "qa_call_started_idx" ON "qa_call" ("started_at") `);
    await queryRunner.query(`CREATE TABLE "qa_call_ticket" ("ticket_id" uuid NOT NULL, "call_id" text NOT NULL, CONSTRAINT "PK_qa_call_ticket" PRIMARY KEY ("ticket_id"))`);
    await queryRunner.query(`CREATE INDEX "qa_call_ticket_call_idx" ON "qa_call_ticket" ("call_id") `);
    await queryRunner.query(`CREATE TABLE "qa_sample" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "call_record_id" uuid NOT NULL, "day" date NOT NULL, "call_taker_id" uuid NOT NULL, "reason" text NOT NULL, "position" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_qa_sample" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "qa_sample_call_key" ON "qa_sample" ("call_record_id") `);
    await queryRunner.query(`CREATE INDEX "qa_sample_day_idx" ON "qa_sample" ("day", "call_taker_id") `);
    await queryRunner.query(`CREATE INDEX "qa_sample_taker_idx" ON "qa_sample" ("call_taker_id", "day") `);
    await queryRunner.query(`CREATE TABLE "qa_sampling_run" ("day" date NOT NULL, "seed" text NOT NULL, "ran_at" TIMESTAMP WITH TIME ZONE NOT NULL, "samples" integer NOT NULL, CONSTRAINT "PK_qa_sampling_run" PRIMARY KEY ("day"))`);
    await queryRunner.query(`CREATE TABLE "qa_sampling_settings" ("id" integer NOT NULL, "random_per_call_taker" integer NOT NULL, "long_call_seconds" integer NOT NULL, "sensitive_category_ids" uuid array NOT NULL, "seed" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by_name" text NOT NULL, CONSTRAINT "PK_qa_sampling_settings" PRIMARY KEY ("id"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "qa_sampling_settings"`);
    await queryRunner.query(`DROP TABLE "qa_sampling_run"`);
    await queryRunner.query(`DROP TABLE "qa_sample"`);
    await queryRunner.query(`DROP TABLE "qa_call_ticket"`);
    await queryRunner.query(`DROP TABLE "qa_call"`);
    await queryRunner.query(`DROP TABLE "qa_shift"`);
    await queryRunner.query(`DROP TABLE "qa_seat"`);
  }
}
