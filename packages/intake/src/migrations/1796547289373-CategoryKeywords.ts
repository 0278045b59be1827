import type { MigrationInterface, QueryRunner } from "typeorm";

/** Everyday words and synonyms per category (坑, 坑洼, pothole), searched by the category pickers. */
export class CategoryKeywords1796547289373 implements MigrationInterface {
  name = "CategoryKeywords1796547289373";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "intake_category" ADD "keywords" text array NOT NULL DEFAULT '{}'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "intake_category" DROP COLUMN "keywords"`);
  }
}
