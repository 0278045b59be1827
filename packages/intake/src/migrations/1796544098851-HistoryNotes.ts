import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Older history rows kept their notes as English or mixed text ("handed off to 119, reference …",
 * "X 退单 / returned (NOT_OUR_JURISDICTION): …"). Each known form is turned into its note code and
 * parameters so every screen can render it in the viewer's language; what matches none stays text.
 */
const BACKFILL: readonly { code: string; pattern: string; params: string }[] = [
  { code: "return_requested", pattern: "^(.*) 退单 / returned \\(([A-Z_]+)\\): (.*)$", params: "jsonb_build_object('unit', m[1], 'returnReason', m[2], 'text', m[3])" },
  { code: "return_rejected", pattern: "^退单未通过 / return rejected: (.*)$", params: "jsonb_build_object('note', m[1])" },
  { code: "marked_emergency", pattern: "^marked as an emergency \\(was (\\w+)\\)$", params: "jsonb_build_object('was', upper(m[1]))" },
  {
    code: "emergency_handoff",
    pattern: "^handed off to (\\d+), reference (.*)$",
    params:
      "jsonb_build_object('service', CASE m[1] WHEN '110' THEN 'POLICE_110' WHEN '119' THEN 'FIRE_119' WHEN '120' THEN 'AMBULANCE_120' ELSE 'TRAFFIC_122' END, 'reference', m[2])",
  },
  { code: "merged_into", pattern: "^merged into (\\S+)$", params: "jsonb_build_object('number', m[1])" },
  { code: "merged_in", pattern: "^(\\S+) merged in; (\\d+) co-reporter\\(s\\) added$", params: "jsonb_build_object('number', m[1], 'count', m[2])" },
  { code: "linked_related", pattern: "^related to (\\S+)$", params: "jsonb_build_object('number', m[1])" },
  { code: "linked_re_report", pattern: "^re-report of (\\S+)$", params: "jsonb_build_object('number', m[1])" },
  { code: "answered_directly", pattern: "^answered on the spot from (\\d+) knowledge-base article\\(s\\)$", params: "jsonb_build_object('count', m[1])" },
  { code: "answered_directly", pattern: "^answered on the spot()$", params: "jsonb_build_object('count', '0')" },
  { code: "callback_unreached", pattern: "^回访未接通（(\\d+) 次）", params: "jsonb_build_object('attempts', m[1])" },
  { code: "re_report_declined", pattern: "^续报不予受理 / re-report declined: (.*)$", params: "jsonb_build_object('note', m[1])" },
];

/** Gives rows written before note codes existed their actor kind and note code (idempotent). */
export async function backfillHistoryNotes(queryRunner: { query: (sql: string, parameters?: unknown[]) => Promise<unknown> }): Promise<void> {
  await queryRunner.query(`UPDATE "intake_ticket_history" SET "actor_kind" = 'citizen' WHERE "actor_id" IS NULL AND "actor_kind" = 'staff'`);
  await queryRunner.query(`UPDATE "intake_ticket_history" SET "actor_kind" = 'auto_dispatch' WHERE "actor_id" = '00000000-0000-4000-8000-00000000d15a'`);
  for (const form of BACKFILL) {
    await queryRunner.query(
      `UPDATE "intake_ticket_history" h SET "note_code" = $1, "note_params" = x.params
         FROM (SELECT id, ${form.params} AS params
                 FROM (SELECT id, regexp_match(reason, $2) AS m FROM "intake_ticket_history" WHERE note_code IS NULL AND reason IS NOT NULL) r
                WHERE m IS NOT NULL) x
        WHERE h.id = x.id`,
      [form.code, form.pattern],
    );
  }
}

/** History notes as codes with parameters, and who acted as a kind (citizen, auto-dispatch …). */
export class HistoryNotes1796544098851 implements MigrationInterface {
  name = "HistoryNotes1796544098851";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "intake_ticket_history" ADD "actor_kind" text NOT NULL DEFAULT 'staff'`);
    await queryRunner.query(`ALTER TABLE "intake_ticket_history" ADD "note_code" text`);
    await queryRunner.query(`ALTER TABLE "intake_ticket_history" ADD "note_params" jsonb`);
    await backfillHistoryNotes(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "intake_ticket_history" DROP COLUMN "note_params"`);
    await queryRunner.query(`ALTER TABLE "intake_ticket_history" DROP COLUMN "note_code"`);
    await queryRunner.query(`ALTER TABLE "intake_ticket_history" DROP COLUMN "actor_kind"`);
  }
}
