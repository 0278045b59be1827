import type { MigrationInterface, QueryRunner } from "typeorm";

/** Accepted re-reports per unit (supervision_re_report), filled from the callback proposals already accepted. */
export class ReReportCounts1796544131170 implements MigrationInterface {
  name = "ReReportCounts1796544131170";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "supervision_re_report" ("proposal_id" uuid NOT NULL, "ticket_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_540c59dcb458c65762689c959a1" PRIMARY KEY ("proposal_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "supervision_re_report_at_unit_idx" ON "supervision_re_report" ("at", "unit_id")`);
    await queryRunner.query(`CREATE INDEX "supervision_re_report_ticket_idx" ON "supervision_re_report" ("ticket_id")`);
    await queryRunner.query(
      `INSERT INTO "supervision_re_report" ("proposal_id", "ticket_id", "unit_id", "at")
       SELECT id, ticket_id, lead_unit_id, decided_at FROM "callback_re_report_proposal" WHERE state = 'ACCEPTED' AND decided_at IS NOT NULL
       ON CONFLICT DO NOTHING`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "supervision_re_report"`);
  }
}
