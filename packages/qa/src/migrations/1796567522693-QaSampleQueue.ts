import type { MigrationInterface, QueryRunner } from "typeorm";

/** The inspection queue: samples not inspected yet, read by a partial index; written by hand. */
export class QaSampleQueue1796567522693 implements MigrationInterface {
  name = "QaSampleQueue1796567522693";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "qa_sample" ADD "inspected_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "qa_sample_pending_idx" ON "qa_sample" ("day", "position") WHERE inspected_at IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."qa_sample_pending_idx"`);
    await queryRunner.query(`ALTER TABLE "qa_sample" DROP COLUMN "inspected_at"`);
  }
}
