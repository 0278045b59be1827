import type { MigrationInterface, QueryRunner } from "typeorm";

/** In-app notifications (message keys with parameters, read or not per person) and each person's maintained unread count. */
export class Notifications1796541000000 implements MigrationInterface {
  name = "Notifications1796541000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "platform_notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipient_id" uuid NOT NULL, "kind" text NOT NULL, "title_key" text NOT NULL, "body_key" text, "params" jsonb NOT NULL DEFAULT '{}', "link" text, "dedupe_key" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_de533fdb6544d698913c7d5353b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "platform_notification_dedupe_key" ON "platform_notification" ("recipient_id", "dedupe_key") WHERE dedupe_key IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "platform_notification_unread_idx" ON "platform_notification" ("recipient_id") WHERE read_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "platform_notification_recipient_idx" ON "platform_notification" ("recipient_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "platform_notification_unread" ("user_id" uuid NOT NULL, "unread" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_ececed30e3a3ab54a3246e06040" PRIMARY KEY ("user_id"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "platform_notification_unread"`);
    await queryRunner.query(`DROP INDEX "public"."platform_notification_recipient_idx"`);
    await queryRunner.query(`DROP INDEX "public"."platform_notification_unread_idx"`);
    await queryRunner.query(`DROP INDEX "public"."platform_notification_dedupe_key"`);
    await queryRunner.query(`DROP TABLE "platform_notification"`);
  }
}
