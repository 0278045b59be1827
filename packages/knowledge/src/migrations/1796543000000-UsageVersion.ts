import type { MigrationInterface, QueryRunner } from "typeorm";

/** Which version of an article was in force when a call-taker used it (a direct answer, the side panel). */
export class UsageVersion1796543000000 implements MigrationInterface {
  name = "UsageVersion1796543000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "knowledge_article_usage" ADD "version_number" integer`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "knowledge_article_usage" DROP COLUMN "version_number"`);
  }
}
