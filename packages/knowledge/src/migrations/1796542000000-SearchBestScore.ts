import type { MigrationInterface, QueryRunner } from "typeorm";

/** The rank of a search's best hit, so that the gaps report also counts searches whose best hit was weak. */
export class SearchBestScore1796542000000 implements MigrationInterface {
  name = "SearchBestScore1796542000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "knowledge_search_log" ADD "best_score" real`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "knowledge_search_log" DROP COLUMN "best_score"`);
  }
}
