import type { MigrationInterface, QueryRunner } from "typeorm";

/** QA teams and their members; written by hand. */
export class QaTeams1796567053671 implements MigrationInterface {
  name = "QaTeams1796567053671";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "qa_team" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "lead_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_qa_team" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "qa_team_name_key" ON "qa_team" ("name") `);
    await queryRunner.query(`CREATE INDEX "qa_team_lead_idx" ON "qa_team" ("lead_user_id") `);
    await queryRunner.query(`CREATE TABLE "qa_team_member" ("user_id" uuid NOT NULL, "team_id" uuid NOT NULL, CONSTRAINT "PK_qa_team_member" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`CREATE INDEX "qa_team_member_team_idx" ON "qa_team_member" ("team_id", "user_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."qa_team_member_team_idx"`);
    await queryRunner.query(`DROP TABLE "qa_team_member"`);
    await queryRunner.query(`DROP INDEX "public"."qa_team_lead_idx"`);
    await queryRunner.query(`DROP INDEX "public"."qa_team_name_key"`);
    await queryRunner.query(`DROP TABLE "qa_team"`);
  }
}
