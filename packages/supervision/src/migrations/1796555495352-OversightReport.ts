import type { MigrationInterface, QueryRunner } from "typeorm";

/** Oversight report jobs (supervision_report_job): progress, files, who started them. */
export class OversightReport1796555495352 implements MigrationInterface {
  name = "OversightReport1796555495352";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "supervision_report_job" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "status" text NOT NULL, "language" text NOT NULL, "unit_id" uuid, "include_sub_units" boolean NOT NULL DEFAULT true, "period_from" date NOT NULL, "period_to" date NOT NULL, "progress" integer NOT NULL DEFAULT '0', "step" text, "files" jsonb NOT NULL DEFAULT '[]', "error" text, "started_by" uuid NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_supervision_report_job" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "supervision_report_job_starter_idx" ON "supervision_report_job" ("started_by", "created_at") `);
    await queryRunner.query(`CREATE INDEX "supervision_report_job_status_idx" ON "supervision_report_job" ("status", "updated_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."supervision_report_job_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."supervision_report_job_starter_idx"`);
    await queryRunner.query(`DROP TABLE "supervision_report_job"`);
  }
}
