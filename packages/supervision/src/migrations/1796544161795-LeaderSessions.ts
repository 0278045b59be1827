import type { MigrationInterface, QueryRunner } from "typeorm";

/** Leader sessions (领导坐班接听) and the tickets taken in them, 领导包案 and leader instructions (领导批示). */
export class LeaderSessions1796544161795 implements MigrationInterface {
  name = "LeaderSessions1796544161795";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "supervision_leader_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "leader_id" uuid NOT NULL, "leader_name" text NOT NULL, "leader_title" text NOT NULL, "leader_unit" text NOT NULL, "seat" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by_name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_supervision_leader_session" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "supervision_leader_session_seat_idx" ON "supervision_leader_session" ("seat", "starts_at") `);
    await queryRunner.query(`CREATE INDEX "supervision_leader_session_leader_idx" ON "supervision_leader_session" ("leader_id", "starts_at") `);
    await queryRunner.query(
      `CREATE TABLE "supervision_leader_session_ticket" ("ticket_id" uuid NOT NULL, "session_id" uuid NOT NULL, "marked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_supervision_leader_session_ticket" PRIMARY KEY ("ticket_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "supervision_leader_session_ticket_session_idx" ON "supervision_leader_session_ticket" ("session_id", "marked_at") `);
    await queryRunner.query(
      `CREATE TABLE "supervision_leader_matter" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "leader_id" uuid NOT NULL, "leader_name" text NOT NULL, "title" text, "note" text, "due_at" TIMESTAMP WITH TIME ZONE, "assigned_by_id" uuid NOT NULL, "assigned_by_name" text NOT NULL, "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_supervision_leader_matter" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "supervision_leader_matter_leader_idx" ON "supervision_leader_matter" ("leader_id", "assigned_at") `);
    await queryRunner.query(
      `CREATE TABLE "supervision_leader_matter_ticket" ("matter_id" uuid NOT NULL, "ticket_id" uuid NOT NULL, CONSTRAINT "PK_supervision_leader_matter_ticket" PRIMARY KEY ("matter_id", "ticket_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "supervision_leader_matter_ticket_ticket_idx" ON "supervision_leader_matter_ticket" ("ticket_id") `);
    await queryRunner.query(
      `CREATE TABLE "supervision_leader_instruction" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "leader_id" uuid NOT NULL, "leader_name" text NOT NULL, "leader_title" text NOT NULL DEFAULT '', "text" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_supervision_leader_instruction" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "supervision_leader_instruction_ticket_idx" ON "supervision_leader_instruction" ("ticket_id", "created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "supervision_leader_instruction"`);
    await queryRunner.query(`DROP TABLE "supervision_leader_matter_ticket"`);
    await queryRunner.query(`DROP TABLE "supervision_leader_matter"`);
    await queryRunner.query(`DROP TABLE "supervision_leader_session_ticket"`);
    await queryRunner.query(`DROP TABLE "supervision_leader_session"`);
  }
}
