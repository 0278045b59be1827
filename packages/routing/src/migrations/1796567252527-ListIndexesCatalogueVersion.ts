import type { MigrationInterface, QueryRunner } from "typeorm";

/** The tables the routing catalogue is read from. */
const CATALOGUE_TABLES = ["routing_dispatch_rule", "routing_sla_policy", "intake_category", "intake_area"];

/**
 * Issue 15:
 * - a unit's inbox reads the unit's open assignments only: as lead through
 *   `routing_assignment_lead_idx` (lead unit, state), as assisting unit through this GIN index on
 *   the current assignments' assisting units (it no longer walks every assignment the unit ever had);
 * - the routing catalogue (dispatch rules, SLA policies, categories, the city areas) is cached in
 *   memory (`catalogue.ts`): every statement that changes one of its tables stamps
 *   `routing_catalogue_version` with a new number from a sequence (never reused, also after a
 *   rollback) in the changing transaction, and notifies every instance on commit
 *   (`civicline_pubsub`, topic `routing.catalogue_changed`). A cached catalogue is used only while its
 *   stamp is the one the reader sees, so a change counts at once everywhere, also inside the
 *   transaction that made it and when made by hand in SQL.
 */
export class ListIndexesCatalogueVersion1796567252527 implements MigrationInterface {
  name = "ListIndexesCatalogueVersion1796567252527";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "routing_assignment_assisting_idx" ON "routing_assignment" USING gin ("assisting_unit_ids") WHERE "current"`);
    await queryRunner.query(`CREATE SEQUENCE "routing_catalogue_version_seq"`);
    await queryRunner.query(
      `CREATE TABLE "routing_catalogue_version" ("id" integer NOT NULL DEFAULT 1, "version" bigint NOT NULL, CONSTRAINT "routing_catalogue_version_pkey" PRIMARY KEY ("id"), CONSTRAINT "routing_catalogue_version_one_row" CHECK ("id" = 1))`,
    );
    await queryRunner.query(`INSERT INTO "routing_catalogue_version" ("id", "version") VALUES (1, nextval('routing_catalogue_version_seq'))`);
    await queryRunner.query(`CREATE FUNCTION routing_catalogue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE "routing_catalogue_version" SET "version" = nextval('routing_catalogue_version_seq') WHERE "id" = 1;
        PERFORM pg_notify('civicline_pubsub', json_build_object('key', 'routing.catalogue_changed', 'value', json_build_object('table', TG_TABLE_NAME))::text);
        RETURN NULL;
      END $$`);
    for (const table of CATALOGUE_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_catalogue_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION routing_catalogue_changed()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of CATALOGUE_TABLES) {
      await queryRunner.query(`DROP TRIGGER "${table}_catalogue_changed" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION routing_catalogue_changed()`);
    await queryRunner.query(`DROP TABLE "routing_catalogue_version"`);
    await queryRunner.query(`DROP SEQUENCE "routing_catalogue_version_seq"`);
    await queryRunner.query(`DROP INDEX "public"."routing_assignment_assisting_idx"`);
  }
}
