import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The intake queues' counts as maintained counters (issue 15): `intake_queue_count` rows moved by
 * statement triggers on `intake_ticket` (insert, update, delete; transition tables, so a bulk
 * statement moves each counter once), in the transaction that changes the tickets. The keys a ticket
 * counts under come from one SQL function, `intake_queue_keys`, which mirrors the queues
 * (`call-screen/queues.ts`): received = received or awaiting dispatch; waiting = awaiting dispatch;
 * emergencies = emergency and not closed, closed directly or merged; mine = its creator and its
 * hotline day (Asia/Shanghai). Each writing connection adds to its own stripe (backend pid mod 16)
 * in key order, so concurrent creators neither queue on one row nor deadlock.
 */
export class QueueCounts1796567394879 implements MigrationInterface {
  name = "QueueCounts1796567394879";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "intake_queue_count" ("key" text NOT NULL, "stripe" smallint NOT NULL, "count" integer NOT NULL DEFAULT 0, CONSTRAINT "PK_intake_queue_count" PRIMARY KEY ("key", "stripe"))`,
    );
    await queryRunner.query(`
      CREATE FUNCTION intake_queue_keys(status text, urgency text, created_by uuid, received_at timestamptz) RETURNS text[]
      LANGUAGE sql IMMUTABLE AS $$
        SELECT array_remove(ARRAY[
          CASE WHEN status IN ('received', 'awaiting_dispatch') THEN 'received' END,
          CASE WHEN status = 'awaiting_dispatch' THEN 'waiting' END,
          CASE WHEN urgency = 'emergency' AND status NOT IN ('closed', 'closed_direct', 'merged') THEN 'emergencies' END,
          CASE WHEN created_by IS NOT NULL THEN 'mine:' || created_by::text || ':' || to_char(received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') END
        ], NULL)
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION intake_queue_count_moved() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO intake_queue_count (key, stripe, count)
          SELECT key, pg_backend_pid() % 16, sum(delta) FROM (
            SELECT unnest(intake_queue_keys(n.status, n.urgency, n.created_by, n.received_at)) AS key, 1 AS delta FROM new_rows n
          ) moved GROUP BY key HAVING sum(delta) <> 0 ORDER BY key
          ON CONFLICT (key, stripe) DO UPDATE SET count = intake_queue_count.count + EXCLUDED.count;
        ELSIF TG_OP = 'UPDATE' THEN
          INSERT INTO intake_queue_count (key, stripe, count)
          SELECT key, pg_backend_pid() % 16, sum(delta) FROM (
            SELECT unnest(intake_queue_keys(n.status, n.urgency, n.created_by, n.received_at)) AS key, 1 AS delta FROM new_rows n
            UNION ALL
            SELECT unnest(intake_queue_keys(o.status, o.urgency, o.created_by, o.received_at)), -1 FROM old_rows o
          ) moved GROUP BY key HAVING sum(delta) <> 0 ORDER BY key
          ON CONFLICT (key, stripe) DO UPDATE SET count = intake_queue_count.count + EXCLUDED.count;
        ELSE
          INSERT INTO intake_queue_count (key, stripe, count)
          SELECT key, pg_backend_pid() % 16, sum(delta) FROM (
            SELECT unnest(intake_queue_keys(o.status, o.urgency, o.created_by, o.received_at)) AS key, -1 AS delta FROM old_rows o
          ) moved GROUP BY key HAVING sum(delta) <> 0 ORDER BY key
          ON CONFLICT (key, stripe) DO UPDATE SET count = intake_queue_count.count + EXCLUDED.count;
        END IF;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER intake_queue_count_insert AFTER INSERT ON intake_ticket REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION intake_queue_count_moved()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER intake_queue_count_update AFTER UPDATE ON intake_ticket REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION intake_queue_count_moved()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER intake_queue_count_delete AFTER DELETE ON intake_ticket REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION intake_queue_count_moved()`,
    );
    // Tickets that exist already are counted once, on stripe 0.
    await queryRunner.query(`
      INSERT INTO intake_queue_count (key, stripe, count)
      SELECT key, 0, count(*) FROM (SELECT unnest(intake_queue_keys(status, urgency, created_by, received_at)) AS key FROM intake_ticket) existing GROUP BY key`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER intake_queue_count_delete ON intake_ticket`);
    await queryRunner.query(`DROP TRIGGER intake_queue_count_update ON intake_ticket`);
    await queryRunner.query(`DROP TRIGGER intake_queue_count_insert ON intake_ticket`);
    await queryRunner.query(`DROP FUNCTION intake_queue_count_moved()`);
    await queryRunner.query(`DROP FUNCTION intake_queue_keys(text, text, uuid, timestamptz)`);
    await queryRunner.query(`DROP TABLE "intake_queue_count"`);
  }
}
