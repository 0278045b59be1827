import type { MigrationInterface, QueryRunner } from "typeorm";

/** Category administration: allowed request types, SLA policy, a version per change and the append-only version history. */
export class CategoryAdmin1796555344345 implements MigrationInterface {
  name = "CategoryAdmin1796555344345";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "intake_category" ADD "request_types" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "intake_category" ADD "sla_policy_id" uuid`);
    await queryRunner.query(`ALTER TABLE "intake_category" ADD "version" integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE "intake_category" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await queryRunner.query(
      `CREATE TABLE "intake_category_version" ("id" BIGSERIAL NOT NULL, "category_id" uuid NOT NULL, "version" integer NOT NULL, "change" text NOT NULL, "code" text NOT NULL, "name_zh" text NOT NULL, "name_en" text NOT NULL, "parent_id" uuid, "selectable" boolean NOT NULL, "sort_order" integer NOT NULL, "active" boolean NOT NULL, "fields" jsonb NOT NULL, "template_zh" text, "template_en" text, "request_types" text array NOT NULL, "sla_policy_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by_id" uuid, "updated_by_name" text NOT NULL, CONSTRAINT "PK_6a69009dbca4eba59f590ce1dac" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "intake_category_version_key" ON "intake_category_version" ("category_id", "version") `);
    // Categories that exist already start their history at version 1.
    await queryRunner.query(
      `INSERT INTO "intake_category_version" ("category_id", "version", "change", "code", "name_zh", "name_en", "parent_id", "selectable", "sort_order", "active", "fields", "template_zh", "template_en", "request_types", "sla_policy_id", "updated_by_name")
       SELECT "id", 1, 'CREATED', "code", "name_zh", "name_en", "parent_id", "selectable", "sort_order", "active", "fields", "template_zh", "template_en", "request_types", "sla_policy_id", '迁移前已有 (before versioning)' FROM "intake_category"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."intake_category_version_key"`);
    await queryRunner.query(`DROP TABLE "intake_category_version"`);
    await queryRunner.query(`ALTER TABLE "intake_category" DROP COLUMN "updated_at"`);
    await queryRunner.query(`ALTER TABLE "intake_category" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "intake_category" DROP COLUMN "sla_policy_id"`);
    await queryRunner.query(`ALTER TABLE "intake_category" DROP COLUMN "request_types"`);
  }
}
