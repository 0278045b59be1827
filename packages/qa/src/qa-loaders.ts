import type { RequestContext } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { QaCall } from "./calls/call-record.entity.js";

/** The part of a DataLoader the field resolvers use. */
export type Loader<K, V> = { load(key: K): Promise<V> };

export type QaLoaders = {
  person: Loader<string, { id: string; displayName: string } | null>;
  call: Loader<string, QaCall | null>;
  trackingNumbers: Loader<string, string[]>;
  sampled: Loader<string, boolean>;
};

/** Per-request DataLoaders of qa's GraphQL fields: one query per list of parents, never one per row. */
export function qaLoaders(dataSource: DataSource, ctx: RequestContext): QaLoaders {
  const { loaders } = ctx;
  return {
    person: loaders.get("qa.person", async (ids) => {
      const rows: Array<{ id: string; display_name: string }> = await dataSource.query(`SELECT id, display_name FROM platform_user WHERE id = ANY($1::uuid[])`, [ids]);
      const found = new Map(rows.map((row) => [row.id, { id: row.id, displayName: row.display_name }]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    call: loaders.get("qa.call", async (ids) => {
      const rows = await dataSource.getRepository(QaCall).createQueryBuilder("c").where("c.id = ANY(:ids)", { ids }).getMany();
      const found = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    trackingNumbers: loaders.get("qa.trackingNumbers", async (callIds) => {
      const rows: Array<{ call_id: string; tracking_number: string }> = await dataSource.query(
        `SELECT l.call_id, t.tracking_number FROM qa_call_ticket l JOIN intake_ticket t ON t.id = l.ticket_id WHERE l.call_id = ANY($1::text[]) ORDER BY t.received_at, t.id`,
        [callIds],
      );
      return callIds.map((callId) => rows.filter((row) => row.call_id === callId).map((row) => row.tracking_number));
    }),
    sampled: loaders.get("qa.sampled", async (ids) => {
      const rows: Array<{ call_record_id: string }> = await dataSource.query(`SELECT call_record_id FROM qa_sample WHERE call_record_id = ANY($1::uuid[])`, [ids]);
      const found = new Set(rows.map((row) => row.call_record_id));
      return ids.map((id) => found.has(id));
    }),
  };
}
