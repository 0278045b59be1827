import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Staff accounts administered in the app: a call-taker's team, a leader's unit, the flag a password
 * reset sets (the temporary password must be changed first), the address a session was opened from,
 * and the indexes of the accounts list (by unit; by role, GIN on the roles array — hand-made,
 * `synchronize: false` on the entity).
 */
export class StaffAccounts1796555478761 implements MigrationInterface {
  name = "StaffAccounts1796555478761";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "platform_user" ADD "team" text`);
    await queryRunner.query(`ALTER TABLE "platform_user" ADD "leader_unit_id" uuid`);
    await queryRunner.query(`ALTER TABLE "platform_user" ADD "must_change_password" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "platform_session" ADD "client_ip" text`);
    await queryRunner.query(`CREATE INDEX "platform_user_unit_idx" ON "platform_user" ("unit_id") `);
    await queryRunner.query(`CREATE INDEX "platform_user_roles_idx" ON "platform_user" USING gin ("roles")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."platform_user_roles_idx"`);
    await queryRunner.query(`DROP INDEX "public"."platform_user_unit_idx"`);
    await queryRunner.query(`ALTER TABLE "platform_session" DROP COLUMN "client_ip"`);
    await queryRunner.query(`ALTER TABLE "platform_user" DROP COLUMN "must_change_password"`);
    await queryRunner.query(`ALTER TABLE "platform_user" DROP COLUMN "leader_unit_id"`);
    await queryRunner.query(`ALTER TABLE "platform_user" DROP COLUMN "team"`);
  }
}
