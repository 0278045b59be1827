import type { MigrationInterface, QueryRunner } from "typeorm";

/** Joint supervision (三方联动督办): cases, their parties, timeline and rule proposals; never edit once landed. */
export class JointSupervision1796544240736 implements MigrationInterface {
  name = "JointSupervision1796544240736";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "supervision_joint_case" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "state" text NOT NULL, "trigger" text NOT NULL, "reason" text NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "opened_by_id" uuid, "opened_by_name" text NOT NULL, "deadline_days" integer NOT NULL, "deadline_at" TIMESTAMP WITH TIME ZONE NOT NULL, "overdue_at" TIMESTAMP WITH TIME ZONE, "decided_unit_id" uuid, "decision_text" text, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by_name" text, "assignment_id" uuid, CONSTRAINT "PK_98fee193e6d45fdf47a823a72af" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "supervision_joint_case_state_idx" ON "supervision_joint_case" ("state", "deadline_at") `);
    await queryRunner.query(`CREATE INDEX "supervision_joint_case_ticket_idx" ON "supervision_joint_case" ("ticket_id", "opened_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "supervision_joint_case_open_key" ON "supervision_joint_case" ("ticket_id") WHERE state = 'OPEN'`);
    await queryRunner.query(`CREATE TABLE "supervision_joint_party" ("case_id" uuid NOT NULL, "party" text NOT NULL, "unit_id" uuid NOT NULL, "opinion" text, "proposed_unit_id" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE, "recorded_by_id" uuid, "recorded_by_name" text, CONSTRAINT "PK_aab44f59978eca2fd30e788c7f6" PRIMARY KEY ("case_id", "party"))`);
    await queryRunner.query(`CREATE INDEX "supervision_joint_party_unit_idx" ON "supervision_joint_party" ("unit_id", "case_id") `);
    await queryRunner.query(`CREATE TABLE "supervision_joint_event" ("id" BIGSERIAL NOT NULL, "case_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "kind" text NOT NULL, "party" text, "actor_name" text NOT NULL, "text" text, CONSTRAINT "PK_1b7285e0d5a353dd4005c7c4478" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "supervision_joint_event_case_idx" ON "supervision_joint_event" ("case_id", "at") `);
    await queryRunner.query(`CREATE TABLE "supervision_joint_rule_proposal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "category_id" uuid NOT NULL, "area_id" uuid, "keywords" text array NOT NULL DEFAULT '{}', "lead_unit_id" uuid NOT NULL, "status" text NOT NULL, "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "proposed_by_name" text NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by_name" text, "decision_note" text, "rule_id" uuid, CONSTRAINT "PK_c0363ff7781d51bf31398a56b8b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "supervision_joint_rule_proposal_status_idx" ON "supervision_joint_rule_proposal" ("status", "proposed_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "supervision_joint_rule_proposal_case_key" ON "supervision_joint_rule_proposal" ("case_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "supervision_joint_rule_proposal"`);
    await queryRunner.query(`DROP TABLE "supervision_joint_event"`);
    await queryRunner.query(`DROP TABLE "supervision_joint_party"`);
    await queryRunner.query(`DROP TABLE "supervision_joint_case"`);
  }
}
