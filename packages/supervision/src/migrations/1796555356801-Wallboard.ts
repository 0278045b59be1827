import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The wallboard's own counters (supervision_wall_count): open callback tasks, moved by a trigger on
 * callback_task in the same transaction as the task changes (+1/-1 as a row enters or leaves OPEN;
 * an upsert of deltas, so concurrent writers never lose a change), filled from the tasks open now.
 */
export class Wallboard1796555356801 implements MigrationInterface {
  name = "Wallboard1796555356801";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "supervision_wall_count" ("key" text NOT NULL, "count" integer NOT NULL DEFAULT 0, CONSTRAINT "PK_supervision_wall_count" PRIMARY KEY ("key"))`);
    await queryRunner.query(
      `INSERT INTO "supervision_wall_count" ("key", "count") SELECT 'callbacks_waiting', count(*)::int FROM "callback_task" WHERE state = 'OPEN'`,
    );
    await queryRunner.query(`CREATE FUNCTION supervision_wall_callback_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  delta integer := 0;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.state = 'OPEN' THEN
    delta := delta - 1;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.state = 'OPEN' THEN
    delta := delta + 1;
  END IF;
  IF delta <> 0 THEN
    INSERT INTO supervision_wall_count (key, count) VALUES ('callbacks_waiting', delta)
    ON CONFLICT (key) DO UPDATE SET count = supervision_wall_count.count + EXCLUDED.count;
  END IF;
  RETURN NULL;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER supervision_wall_callback_count AFTER INSERT OR UPDATE OF state OR DELETE ON "callback_task" FOR EACH ROW EXECUTE FUNCTION supervision_wall_callback_count()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER supervision_wall_callback_count ON "callback_task"`);
    await queryRunner.query(`DROP FUNCTION supervision_wall_callback_count()`);
    await queryRunner.query(`DROP TABLE "supervision_wall_count"`);
  }
}
