import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Score forms and their versions (with the default form, version 1), inspections and their score
 * versions, appeals, weekly review notes, and the monthly assessment's weights (version 1); written by hand.
 */
export class QaScoring1796567411233 implements MigrationInterface {
  name = "QaScoring1796567411233";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "qa_score_form" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "name_en" text NOT NULL, "is_default" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_qa_score_form" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "qa_score_form_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "form_id" uuid NOT NULL, "version" integer NOT NULL, "criteria" jsonb NOT NULL, "critical_errors" jsonb NOT NULL, "total_weight" integer NOT NULL, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by_name" text NOT NULL, CONSTRAINT "PK_qa_score_form_version" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "qa_score_form_version_key" ON "qa_score_form_version" ("form_id", "version") `);
    await queryRunner.query(`CREATE TABLE "qa_inspection" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sample_id" uuid NOT NULL, "call_record_id" uuid NOT NULL, "call_taker_id" uuid NOT NULL, "call_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "inspector_id" uuid NOT NULL, "inspector_name" text NOT NULL, "form_version_id" uuid NOT NULL, "state" text NOT NULL, "total" numeric(5,2) NOT NULL, "critical" boolean NOT NULL, "score_version" integer NOT NULL, "scored_at" TIMESTAMP WITH TIME ZONE NOT NULL, "appeal_deadline" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_qa_inspection" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "qa_inspection_sample_key" ON "qa_inspection" ("sample_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "qa_inspection_call_key" ON "qa_inspection" ("call_record_id") `);
    await queryRunner.query(`CREATE INDEX "qa_inspection_taker_idx" ON "qa_inspection" ("call_taker_id", "call_started_at") `);
    await queryRunner.query(`CREATE INDEX "qa_inspection_started_idx" ON "qa_inspection" ("call_started_at") `);
    await queryRunner.query(`CREATE INDEX "qa_inspection_scored_idx" ON "qa_inspection" ("scored_at") `);
    await queryRunner.query(`CREATE TABLE "qa_inspection_score" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "inspection_id" uuid NOT NULL, "version" integer NOT NULL, "reason" text NOT NULL, "total" numeric(5,2) NOT NULL, "critical" boolean NOT NULL, "critical_error_keys" text array NOT NULL, "criteria" jsonb NOT NULL, "comment" text, "scored_by_id" uuid NOT NULL, "scored_by_name" text NOT NULL, "scored_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_qa_inspection_score" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "qa_inspection_score_key" ON "qa_inspection_score" ("inspection_id", "version") `);
    await queryRunner.query(`CREATE TABLE "qa_appeal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "inspection_id" uuid NOT NULL, "call_taker_id" uuid NOT NULL, "reason" text NOT NULL, "filed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "filed_by_name" text NOT NULL, "state" text NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by_id" uuid, "decided_by_name" text, "decision_note" text, CONSTRAINT "PK_qa_appeal" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "qa_appeal_inspection_key" ON "qa_appeal" ("inspection_id") `);
    await queryRunner.query(`CREATE INDEX "qa_appeal_taker_idx" ON "qa_appeal" ("call_taker_id", "filed_at") `);
    await queryRunner.query(`CREATE INDEX "qa_appeal_pending_idx" ON "qa_appeal" ("filed_at") WHERE state = 'PENDING'`);
    await queryRunner.query(`CREATE TABLE "qa_weekly_note" ("team_id" uuid NOT NULL, "week_start" date NOT NULL, "notes" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by_name" text NOT NULL, CONSTRAINT "PK_qa_weekly_note" PRIMARY KEY ("team_id", "week_start"))`);
    await queryRunner.query(`CREATE TABLE "qa_assessment_weights" ("version" integer NOT NULL, "qa_score" integer NOT NULL, "calls_handled" integer NOT NULL, "handle_time" integer NOT NULL, "direct_rate" integer NOT NULL, "process_satisfaction" integer NOT NULL, "target_handle_seconds" integer NOT NULL, "min_calls" integer NOT NULL, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by_name" text NOT NULL, CONSTRAINT "PK_qa_assessment_weights" PRIMARY KEY ("version"))`);
    await queryRunner.query(
      `INSERT INTO "qa_assessment_weights" (version, qa_score, calls_handled, handle_time, direct_rate, process_satisfaction, target_handle_seconds, min_calls, note, created_at, created_by_name)
       VALUES (1, 40, 15, 10, 15, 20, 300, 20, 'Defaults', '2026-01-01T00:00:00+08:00', 'system')`,
    );
    await queryRunner.query(`INSERT INTO "qa_score_form" (id, name, name_en, is_default, created_at) VALUES ('9a0c1e55-7a11-4c3e-8d2b-0f5a9c1d2e01', '话务质检评分表', 'Call quality score form', true, '2026-01-01T00:00:00+08:00')`);
    await queryRunner.query(
      `INSERT INTO "qa_score_form_version" (id, form_id, version, criteria, critical_errors, total_weight, note, created_at, created_by_name)
       VALUES ('9a0c1e55-7a11-4c3e-8d2b-0f5a9c1d2e02', '9a0c1e55-7a11-4c3e-8d2b-0f5a9c1d2e01', 1, $1::jsonb, $2::jsonb, 100, NULL, '2026-01-01T00:00:00+08:00', 'system')`,
      [
        "[{\"key\":\"greeting\",\"label\":\"开头问候\",\"labelEn\":\"Greeting\",\"weight\":10,\"deductions\":[{\"key\":\"no_standard_greeting\",\"label\":\"未使用标准开头语\",\"labelEn\":\"No standard greeting\",\"points\":5},{\"key\":\"no_staff_number\",\"label\":\"未报工号\",\"labelEn\":\"Did not give the staff number\",\"points\":3}]},{\"key\":\"listening\",\"label\":\"耐心倾听\",\"labelEn\":\"Listening\",\"weight\":15,\"deductions\":[{\"key\":\"interrupted\",\"label\":\"打断来电人\",\"labelEn\":\"Interrupted the caller\",\"points\":5},{\"key\":\"asked_again\",\"label\":\"重复询问来电人已说明的信息\",\"labelEn\":\"Asked again for what the caller had said\",\"points\":5}]},{\"key\":\"accuracy\",\"label\":\"答复准确（对照知识库）\",\"labelEn\":\"Accuracy against the knowledge base\",\"weight\":25,\"deductions\":[{\"key\":\"not_per_knowledge_base\",\"label\":\"答复与知识库不一致\",\"labelEn\":\"Answer differs from the knowledge base\",\"points\":15},{\"key\":\"incomplete_answer\",\"label\":\"答复不完整\",\"labelEn\":\"Incomplete answer\",\"points\":8}]},{\"key\":\"classification\",\"label\":\"分类准确\",\"labelEn\":\"Classification\",\"weight\":15,\"deductions\":[{\"key\":\"wrong_category\",\"label\":\"诉求分类错误\",\"labelEn\":\"Wrong category\",\"points\":10},{\"key\":\"wrong_request_type\",\"label\":\"诉求类型错误\",\"labelEn\":\"Wrong request type\",\"points\":5}]},{\"key\":\"courtesy\",\"label\":\"文明礼貌\",\"labelEn\":\"Courtesy\",\"weight\":15,\"deductions\":[{\"key\":\"impatient\",\"label\":\"语气生硬、不耐烦\",\"labelEn\":\"Curt or impatient\",\"points\":8},{\"key\":\"unexplained_jargon\",\"label\":\"使用专业术语未解释\",\"labelEn\":\"Jargon not explained\",\"points\":3}]},{\"key\":\"closing\",\"label\":\"结束语\",\"labelEn\":\"Closing\",\"weight\":5,\"deductions\":[{\"key\":\"no_standard_closing\",\"label\":\"未使用标准结束语\",\"labelEn\":\"No standard closing\",\"points\":3},{\"key\":\"no_other_needs_check\",\"label\":\"未询问是否还有其他诉求\",\"labelEn\":\"Did not ask about other needs\",\"points\":2}]},{\"key\":\"ticket_quality\",\"label\":\"工单质量\",\"labelEn\":\"Ticket quality\",\"weight\":15,\"deductions\":[{\"key\":\"missing_facts\",\"label\":\"工单要素缺失（时间、地点、诉求）\",\"labelEn\":\"Facts missing (time, place, request)\",\"points\":8},{\"key\":\"unclear_text\",\"label\":\"错别字、表述不清\",\"labelEn\":\"Typos or unclear wording\",\"points\":3}]}]",
        "[{\"key\":\"wrong_policy_answer\",\"label\":\"政策答复错误\",\"labelEn\":\"Wrong policy answer\"},{\"key\":\"whistleblower_identity_revealed\",\"label\":\"泄露举报人身份信息\",\"labelEn\":\"Revealed a whistle-blower's identity\"},{\"key\":\"hung_up_on_caller\",\"label\":\"无故挂断来电\",\"labelEn\":\"Hung up on the caller\"}]",
      ],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "qa_assessment_weights"`);
    await queryRunner.query(`DROP TABLE "qa_weekly_note"`);
    await queryRunner.query(`DROP INDEX "public"."qa_appeal_pending_idx"`);
    await queryRunner.query(`DROP INDEX "public"."qa_appeal_taker_idx"`);
    await queryRunner.query(`DROP INDEX "public"."qa_appeal_inspection_key"`);
    await queryRunner.query(`DROP TABLE "qa_appeal"`);
    await queryRunner.query(`DROP INDEX "public"."qa_inspection_score_key"`);
    await queryRunner.query(`DROP TABLE "qa_inspection_score"`);
    await queryRunner.query(`DROP INDEX "public"."qa_inspection_scored_idx"`);
    await queryRunner.query(`DROP INDEX "public"."qa_inspection_started_idx"`);
    await queryRunner.query(`DROP INDEX "public"."qa_inspection_taker_idx"`);
    await queryRunner.query(`DROP INDEX "public"."qa_inspection_call_key"`);
    await queryRunner.query(`DROP INDEX "public"."qa_inspection_sample_key"`);
    await queryRunner.query(`DROP TABLE "qa_inspection"`);
    await queryRunner.query(`DROP INDEX "public"."qa_score_form_version_key"`);
    await queryRunner.query(`DROP TABLE "qa_score_form_version"`);
    await queryRunner.query(`DROP TABLE "qa_score_form"`);
  }
}
