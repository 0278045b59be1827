import type { MigrationInterface, QueryRunner } from "typeorm";

/** Failed logins counted per username (existing or not) and per address, instead of on the account row. */
export class LoginThrottle1796534100000 implements MigrationInterface {
  name = "LoginThrottle1796534100000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "platform_login_throttle" ("key" text NOT NULL, "failures" integer NOT NULL DEFAULT '0', "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "locked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4cd60b797b8b917e0f8c29b5e68" PRIMARY KEY ("key"))`);
    await queryRunner.query(`CREATE INDEX "platform_login_throttle_window_idx" ON "platform_login_throttle" ("window_started_at") `);
    await queryRunner.query(`ALTER TABLE "platform_user" DROP COLUMN "failed_logins"`);
    await queryRunner.query(`ALTER TABLE "platform_user" DROP COLUMN "locked_until"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "platform_user" ADD "locked_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "platform_user" ADD "failed_logins" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`DROP INDEX "public"."platform_login_throttle_window_idx"`);
    await queryRunner.query(`DROP TABLE "platform_login_throttle"`);
  }
}
