import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Indexes of the lists consoles open all day, so that each reads what it shows and not the whole
 * ticket table (issue 15; `list-plans.test.ts` in the gateway EXPLAINs each list and fails on a
 * sequential scan). Hand-made (partial and expression indexes): the entity marks them
 * `synchronize: false`.
 * - open tickets by urgency: the emergency queue and its count read the few open emergencies;
 * - tickets waiting at the centre (received, awaiting dispatch) in queue order — emergencies, urgent,
 *   the rest, then by receipt — so the dispatcher's queue reads its first page in order and stops;
 * - every ticket by receipt, newest first: the Open311 request list (a date window, newest first);
 * - a caller's tickets newest first (replaces the phone-only index): the caller history and the
 *   screen-pop read a caller's latest 20 without sorting all of them.
 */
export class ListIndexes1796567230575 implements MigrationInterface {
  name = "ListIndexes1796567230575";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "intake_ticket_open_urgency_idx" ON "intake_ticket" ("urgency", "received_at") WHERE "status" NOT IN ('closed', 'closed_direct', 'merged')`,
    );
    await queryRunner.query(
      `CREATE INDEX "intake_ticket_waiting_idx" ON "intake_ticket" ((CASE "urgency" WHEN 'emergency' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END), "received_at", "id") WHERE "status" IN ('received', 'awaiting_dispatch')`,
    );
    await queryRunner.query(`CREATE INDEX "intake_ticket_received_at_idx" ON "intake_ticket" ("received_at" DESC, "tracking_number" DESC)`);
    await queryRunner.query(`CREATE INDEX "intake_ticket_caller_idx" ON "intake_ticket" ("citizen_phone", "received_at" DESC, "id")`);
    await queryRunner.query(`DROP INDEX "public"."intake_ticket_citizen_phone_idx"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "intake_ticket_citizen_phone_idx" ON "intake_ticket" ("citizen_phone") `);
    await queryRunner.query(`DROP INDEX "public"."intake_ticket_caller_idx"`);
    await queryRunner.query(`DROP INDEX "public"."intake_ticket_received_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."intake_ticket_waiting_idx"`);
    await queryRunner.query(`DROP INDEX "public"."intake_ticket_open_urgency_idx"`);
  }
}
