import type { MigrationInterface, QueryRunner } from "typeorm";

/** The audit log of administrative actions (who, what, when, before/after), with the indexes its search uses. */
export class AuditLog1796555301661 implements MigrationInterface {
  name = "AuditLog1796555301661";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "platform_audit_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_kind" text NOT NULL, "actor_name" text NOT NULL, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" text, "entity_label" text, "before" jsonb, "after" jsonb, CONSTRAINT "PK_523b1483401840a885d49b5d2ff" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "platform_audit_entry_at_idx" ON "platform_audit_entry" ("at", "id") `);
    await queryRunner.query(`CREATE INDEX "platform_audit_entry_entity_idx" ON "platform_audit_entry" ("entity_type", "entity_id", "at") `);
    await queryRunner.query(`CREATE INDEX "platform_audit_entry_actor_idx" ON "platform_audit_entry" ("actor_id", "at") `);
    await queryRunner.query(`CREATE INDEX "platform_audit_entry_action_idx" ON "platform_audit_entry" ("action", "at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "platform_audit_entry"`);
  }
}
