import type { MigrationInterface, QueryRunner } from "typeorm";

/** Versioned weights of the department ranking (supervision_ranking_weights), with version 1 = the defaults. */
export class RankingWeights1796555360485 implements MigrationInterface {
  name = "RankingWeights1796555360485";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "supervision_ranking_weights" ("version" integer NOT NULL, "on_time" integer NOT NULL, "satisfaction" integer NOT NULL, "not_returned" integer NOT NULL, "not_re_reported" integer NOT NULL, "not_extended" integer NOT NULL, "min_tickets" integer NOT NULL, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by_name" text NOT NULL, CONSTRAINT "PK_supervision_ranking_weights" PRIMARY KEY ("version"))`,
    );
    await queryRunner.query(
      `INSERT INTO "supervision_ranking_weights" ("version", "on_time", "satisfaction", "not_returned", "not_re_reported", "not_extended", "min_tickets", "note", "created_at", "created_by_name")
       VALUES (1, 40, 30, 10, 10, 10, 10, 'Defaults', now(), 'system')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "supervision_ranking_weights"`);
  }
}
