import type { MigrationInterface, QueryRunner } from "typeorm";

/** A published article's change under way (pending version, its state and editor), reviewed before it is in force. */
export class ArticleChanges1796540000000 implements MigrationInterface {
  name = "ArticleChanges1796540000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "knowledge_article" ADD "pending_version" integer`);
    await queryRunner.query(`ALTER TABLE "knowledge_article" ADD "pending_state" text`);
    await queryRunner.query(`ALTER TABLE "knowledge_article" ADD "pending_author_id" uuid`);
    await queryRunner.query(`CREATE INDEX "knowledge_article_pending_state_idx" ON "knowledge_article" ("pending_state") WHERE pending_state IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."knowledge_article_pending_state_idx"`);
    await queryRunner.query(`ALTER TABLE "knowledge_article" DROP COLUMN "pending_author_id"`);
    await queryRunner.query(`ALTER TABLE "knowledge_article" DROP COLUMN "pending_state"`);
    await queryRunner.query(`ALTER TABLE "knowledge_article" DROP COLUMN "pending_version"`);
  }
}
