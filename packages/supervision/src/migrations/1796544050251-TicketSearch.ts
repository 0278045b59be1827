import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Written by hand: the ticket search's table (one row per ticket, kept by triggers), its indexes
 * (one per search path; proved with EXPLAIN in search/ticket-search-plans.test.ts), the SQL
 * tokeniser and the refresh function, and the saved views.
 *
 * Tokenising (`supervision_search_vector`): NFKC, lower case; runs of Han characters become their
 * overlapping bigrams (a single character stays itself), runs of Latin letters and digits stay
 * words — the knowledge base's approach (packages/knowledge/src/search), done in SQL so that every
 * writer of a ticket, a reply or a note keeps the row current in its own transaction.
 */
export class TicketSearch1796544050251 implements MigrationInterface {
  name = "TicketSearch1796544050251";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE TABLE "supervision_ticket_search" ("ticket_id" uuid NOT NULL, "tracking_number" text NOT NULL, "status" text NOT NULL, "channel" text NOT NULL, "request_type" text NOT NULL, "urgency" text NOT NULL, "category_id" uuid NOT NULL, "district_id" uuid NOT NULL, "township_id" uuid, "citizen_phone" text NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "dispatched_at" TIMESTAMP WITH TIME ZONE, "replied_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "lead_unit_id" uuid, "unit_ids" uuid array NOT NULL DEFAULT '{}', "active" boolean NOT NULL DEFAULT false, "completion_due_at" TIMESTAMP WITH TIME ZONE, "near_due_at" TIMESTAMP WITH TIME ZONE, "returned_count" integer NOT NULL DEFAULT '0', "rereport_count" integer NOT NULL DEFAULT '0', "document" tsvector NOT NULL, CONSTRAINT "PK_948b2b77495391fa6110f55ddd7" PRIMARY KEY ("ticket_id"))`,
    );
    const index = (name: string, definition: string) => queryRunner.query(`CREATE INDEX "${name}" ON "supervision_ticket_search" ${definition}`);
    await index("supervision_ticket_search_received_idx", `("received_at", "ticket_id")`);
    await index("supervision_ticket_search_tracking_idx", `("tracking_number" text_pattern_ops)`);
    await index("supervision_ticket_search_tracking_trgm_idx", `USING GIN ("tracking_number" gin_trgm_ops)`);
    await index("supervision_ticket_search_phone_idx", `("citizen_phone", "received_at")`);
    await index("supervision_ticket_search_phone_trgm_idx", `USING GIN ("citizen_phone" gin_trgm_ops)`);
    await index("supervision_ticket_search_status_idx", `("status", "received_at", "ticket_id")`);
    await index("supervision_ticket_search_category_idx", `("category_id", "received_at", "ticket_id")`);
    await index("supervision_ticket_search_district_idx", `("district_id", "received_at", "ticket_id")`);
    await index("supervision_ticket_search_township_idx", `("township_id", "received_at", "ticket_id")`);
    await index("supervision_ticket_search_lead_unit_idx", `("lead_unit_id", "received_at", "ticket_id")`);
    await index("supervision_ticket_search_units_idx", `USING GIN ("unit_ids")`);
    await index("supervision_ticket_search_dispatched_idx", `("dispatched_at")`);
    await index("supervision_ticket_search_replied_idx", `("replied_at")`);
    await index("supervision_ticket_search_closed_idx", `("closed_at")`);
    // overdue / near due sorted by deadline walk this one in order (the search then orders by completion_due_at itself)
    await index("supervision_ticket_search_due_idx", `("completion_due_at", "ticket_id") WHERE "active"`);
    await index("supervision_ticket_search_due_sort_idx", `((coalesce("completion_due_at", 'infinity'::timestamptz)), "ticket_id")`);
    await index("supervision_ticket_search_near_due_idx", `("near_due_at") WHERE "active"`);
    await index("supervision_ticket_search_returned_idx", `("received_at", "ticket_id") WHERE "returned_count" > 0`);
    await index("supervision_ticket_search_rereported_idx", `("received_at", "ticket_id") WHERE "rereport_count" > 0`);
    await index("supervision_ticket_search_urgent_idx", `("received_at", "ticket_id") WHERE "urgency" <> 'normal'`);
    await index("supervision_ticket_search_document_idx", `USING GIN ("document")`);
    // open statuses are exactly the active rows (and some request types go with some statuses): without these
    // statistics the planner multiplies the two selectivities, expects a hundred open overdue tickets and sorts
    // thousands instead of walking the deadline index
    await queryRunner.query(
      `CREATE STATISTICS "supervision_ticket_search_state_stats" (dependencies, mcv) ON "active", "status", "request_type" FROM "supervision_ticket_search"`,
    );

    await queryRunner.query(`CREATE OR REPLACE FUNCTION supervision_search_vector(doc text) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
      SELECT coalesce(string_agg(quote_literal(left(tok, 100)) || ':' || least(pos, 16383), ' ')::tsvector, ''::tsvector)
      FROM (
        SELECT tok, row_number() OVER (ORDER BY run_no, i) AS pos
        FROM (
          SELECT r.run_no, g.i,
                 CASE WHEN NOT r.cjk OR char_length(r.run) = 1 THEN r.run ELSE substr(r.run, g.i, 2) END AS tok
          FROM (
            SELECT x.m[1] AS run, x.m[1] ~ '^[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]' AS cjk, x.n AS run_no
            FROM regexp_matches(lower(normalize(coalesce(doc, ''), NFKC)), '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]+|[a-z0-9]+', 'g') WITH ORDINALITY AS x(m, n)
          ) r
          CROSS JOIN LATERAL generate_series(1, CASE WHEN r.cjk THEN greatest(char_length(r.run) - 1, 1) ELSE 1 END) AS g(i)
        ) t
      ) s
      $fn$`);

    await queryRunner.query(`CREATE OR REPLACE FUNCTION supervision_ticket_search_refresh(ids uuid[]) RETURNS void
      LANGUAGE sql AS $fn$
      INSERT INTO supervision_ticket_search AS s (ticket_id, tracking_number, status, channel, request_type, urgency, category_id,
        district_id, township_id, citizen_phone, received_at, dispatched_at, replied_at, closed_at, lead_unit_id, unit_ids, active,
        completion_due_at, near_due_at, returned_count, document)
      SELECT t.id, t.tracking_number, t.status, t.channel, t.request_type, t.urgency, t.category_id,
        t.district_id, t.township_id, t.citizen_phone, t.received_at, a.first_dispatched_at, cur.replied_at,
        CASE WHEN t.status IN ('closed', 'closed_direct') THEN coalesce(
          (SELECT max(h.at) FROM intake_ticket_history h WHERE h.ticket_id = t.id AND h.to_status = t.status AND h.kind = 'status'), t.updated_at) END,
        cur.lead_unit_id, coalesce(a.unit_ids, '{}'), coalesce(cur.state IN ('DISPATCHED', 'SIGNED_FOR', 'RETURN_REQUESTED'), false),
        cur.completion_due_at, cur.near_due_at,
        (SELECT count(*)::int FROM routing_return_request rr WHERE rr.ticket_id = t.id),
        supervision_search_vector(concat_ws(' ', t.title, t.description, t.address, a.replies,
          (SELECT string_agg(n.text, ' ' ORDER BY n.at) FROM routing_assignment x4 JOIN routing_progress_note n ON n.assignment_id = x4.id WHERE x4.ticket_id = t.id)))
      FROM intake_ticket t
      LEFT JOIN routing_assignment cur ON cur.ticket_id = t.id AND cur.current
      LEFT JOIN LATERAL (
        SELECT min(x.dispatched_at) AS first_dispatched_at, string_agg(x.reply_text, ' ' ORDER BY x.dispatched_at) AS replies,
               ARRAY(SELECT x2.lead_unit_id FROM routing_assignment x2 WHERE x2.ticket_id = t.id
                     UNION SELECT au.unit_id FROM routing_assignment x3 JOIN routing_assignment_unit au ON au.assignment_id = x3.id WHERE x3.ticket_id = t.id) AS unit_ids
        FROM routing_assignment x WHERE x.ticket_id = t.id
      ) a ON true
      WHERE t.id = ANY(ids)
      ON CONFLICT (ticket_id) DO UPDATE SET tracking_number = EXCLUDED.tracking_number, status = EXCLUDED.status, channel = EXCLUDED.channel,
        request_type = EXCLUDED.request_type, urgency = EXCLUDED.urgency, category_id = EXCLUDED.category_id, district_id = EXCLUDED.district_id,
        township_id = EXCLUDED.township_id, citizen_phone = EXCLUDED.citizen_phone, received_at = EXCLUDED.received_at,
        dispatched_at = EXCLUDED.dispatched_at, replied_at = EXCLUDED.replied_at, closed_at = EXCLUDED.closed_at,
        lead_unit_id = EXCLUDED.lead_unit_id, unit_ids = EXCLUDED.unit_ids, active = EXCLUDED.active,
        completion_due_at = EXCLUDED.completion_due_at, near_due_at = EXCLUDED.near_due_at, returned_count = EXCLUDED.returned_count,
        document = EXCLUDED.document
      $fn$`);

    await queryRunner.query(`CREATE OR REPLACE FUNCTION supervision_ticket_search_on_ticket() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN PERFORM supervision_ticket_search_refresh(ARRAY[NEW.id]); RETURN NULL; END $fn$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION supervision_ticket_search_on_child() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN PERFORM supervision_ticket_search_refresh(ARRAY[NEW.ticket_id]); RETURN NULL; END $fn$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION supervision_ticket_search_on_assignment_unit() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN PERFORM supervision_ticket_search_refresh(ARRAY(SELECT a.ticket_id FROM routing_assignment a WHERE a.id = NEW.assignment_id)); RETURN NULL; END $fn$`);
    await queryRunner.query(
      `CREATE TRIGGER supervision_ticket_search_ticket AFTER INSERT OR UPDATE ON intake_ticket FOR EACH ROW EXECUTE FUNCTION supervision_ticket_search_on_ticket()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER supervision_ticket_search_history AFTER INSERT ON intake_ticket_history FOR EACH ROW WHEN (NEW.to_status IN ('closed', 'closed_direct')) EXECUTE FUNCTION supervision_ticket_search_on_child()`,
    );
    // Accepted re-reports are counted as they happen (the proposals have no index by ticket).
    await queryRunner.query(`CREATE OR REPLACE FUNCTION supervision_ticket_search_on_re_report() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF NEW.state = 'ACCEPTED' AND (TG_OP = 'INSERT' OR OLD.state IS DISTINCT FROM 'ACCEPTED') THEN
          UPDATE supervision_ticket_search SET rereport_count = rereport_count + 1 WHERE ticket_id = NEW.ticket_id;
        END IF;
        RETURN NULL;
      END $fn$`);
    await queryRunner.query(
      `CREATE TRIGGER supervision_ticket_search_callback_re_report_proposal AFTER INSERT OR UPDATE ON callback_re_report_proposal FOR EACH ROW EXECUTE FUNCTION supervision_ticket_search_on_re_report()`,
    );
    for (const table of ["routing_assignment", "routing_return_request"]) {
      await queryRunner.query(`CREATE TRIGGER supervision_ticket_search_${table} AFTER INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION supervision_ticket_search_on_child()`);
    }
    await queryRunner.query(
      `CREATE TRIGGER supervision_ticket_search_progress_note AFTER INSERT OR UPDATE ON routing_progress_note FOR EACH ROW EXECUTE FUNCTION supervision_ticket_search_on_assignment_unit()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER supervision_ticket_search_assignment_unit AFTER INSERT OR UPDATE ON routing_assignment_unit FOR EACH ROW EXECUTE FUNCTION supervision_ticket_search_on_assignment_unit()`,
    );
    // Tickets logged before this migration.
    await queryRunner.query(`SELECT supervision_ticket_search_refresh(ARRAY(SELECT id FROM intake_ticket))`);
    await queryRunner.query(`UPDATE supervision_ticket_search s SET rereport_count = p.n
      FROM (SELECT ticket_id, count(*)::int AS n FROM callback_re_report_proposal WHERE state = 'ACCEPTED' GROUP BY ticket_id) p WHERE p.ticket_id = s.ticket_id`);

    await queryRunner.query(
      `CREATE TABLE "supervision_saved_view" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "owner_id" uuid NOT NULL, "name" text NOT NULL, "filter" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d11b59964ee895598f6413ce076" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "supervision_saved_view_owner_name_key" ON "supervision_saved_view" ("owner_id", "name") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "supervision_saved_view"`);
    await queryRunner.query(`DROP TRIGGER supervision_ticket_search_assignment_unit ON routing_assignment_unit`);
    await queryRunner.query(`DROP TRIGGER supervision_ticket_search_progress_note ON routing_progress_note`);
    await queryRunner.query(`DROP TRIGGER supervision_ticket_search_callback_re_report_proposal ON callback_re_report_proposal`);
    await queryRunner.query(`DROP FUNCTION supervision_ticket_search_on_re_report()`);
    for (const table of ["routing_assignment", "routing_return_request"]) {
      await queryRunner.query(`DROP TRIGGER supervision_ticket_search_${table} ON ${table}`);
    }
    await queryRunner.query(`DROP TRIGGER supervision_ticket_search_history ON intake_ticket_history`);
    await queryRunner.query(`DROP TRIGGER supervision_ticket_search_ticket ON intake_ticket`);
    await queryRunner.query(`DROP FUNCTION supervision_ticket_search_on_assignment_unit()`);
    await queryRunner.query(`DROP FUNCTION supervision_ticket_search_on_child()`);
    await queryRunner.query(`DROP FUNCTION supervision_ticket_search_on_ticket()`);
    await queryRunner.query(`DROP FUNCTION supervision_ticket_search_refresh(uuid[])`);
    await queryRunner.query(`DROP FUNCTION supervision_search_vector(text)`);
    await queryRunner.query(`DROP TABLE "supervision_ticket_search"`);
  }
}
