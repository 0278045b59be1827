import type { LoaderRegistry } from "@civicline/platform";
import { In, type DataSource } from "typeorm";
import type { TicketStatus } from "../ticket/ticket.enums.js";
import { TicketLinkKind } from "./call-screen.enums.js";
import { CoReporter } from "./co-reporter.entity.js";
import { EmergencyHandoff } from "./emergency-handoff.entity.js";
import { TicketAttachment } from "./ticket-attachment.entity.js";

export type LinkView = { kind: TicketLinkKind; ticket: { id: string; trackingNumber: string; status: TicketStatus } };
export type AttachmentView = { id: string; filename: string; contentType: string; size: number; url: string };

function groupBy<T>(ids: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const map = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) {
    map.get(keyOf(row))?.push(row);
  }
  return ids.map((id) => map.get(id) ?? []);
}

async function linksOf(dataSource: DataSource, ids: readonly string[]): Promise<LinkView[][]> {
  const rows: Array<{ owner: string; kind: TicketLinkKind; id: string; tracking_number: string; status: TicketStatus }> = await dataSource.query(
    `SELECT l.ticket_id AS owner, l.kind, t.id, t.tracking_number, t.status, l.created_at
       FROM intake_ticket_link l JOIN intake_ticket t ON t.id = l.other_ticket_id
      WHERE l.ticket_id = ANY($1)
     UNION ALL
     SELECT l.other_ticket_id AS owner, l.kind, t.id, t.tracking_number, t.status, l.created_at
       FROM intake_ticket_link l JOIN intake_ticket t ON t.id = l.ticket_id
      WHERE l.other_ticket_id = ANY($1) AND l.kind = $2
     ORDER BY created_at, id`,
    [ids, TicketLinkKind.RELATED],
  );
  return groupBy(ids, rows, (row) => row.owner).map((group) =>
    group.map((row) => ({ kind: row.kind, ticket: { id: row.id, trackingNumber: row.tracking_number, status: row.status } })),
  );
}

type Loader<V> = { load(ticketId: string): Promise<V> };
export type RelationLoaders = {
  attachments: Loader<AttachmentView[]>;
  links: Loader<LinkView[]>;
  coReporters: Loader<CoReporter[]>;
  handoffs: Loader<EmergencyHandoff[]>;
};

/** Per-request batched loaders for a ticket's attachments, links, co-reporters and hand-offs (one query per list). */
export function relationLoaders(dataSource: DataSource, loaders: LoaderRegistry): RelationLoaders {
  return {
    attachments: loaders.get<string, AttachmentView[]>("intake.attachments", async (ids) => {
      const rows = await dataSource.getRepository(TicketAttachment).find({ where: { ticketId: In([...ids]) }, order: { createdAt: "ASC", id: "ASC" } });
      return groupBy(ids, rows, (row) => row.ticketId).map((group) =>
        group.map((row) => ({ id: row.fileId, filename: row.filename, contentType: row.contentType, size: row.size, url: `/files/${row.fileId}` })),
      );
    }),
    links: loaders.get<string, LinkView[]>("intake.links", (ids) => linksOf(dataSource, ids)),
    coReporters: loaders.get<string, CoReporter[]>("intake.coReporters", async (ids) => {
      const rows = await dataSource.getRepository(CoReporter).find({ where: { ticketId: In([...ids]) }, order: { addedAt: "ASC", id: "ASC" } });
      return groupBy(ids, rows, (row) => row.ticketId);
    }),
    handoffs: loaders.get<string, EmergencyHandoff[]>("intake.handoffs", async (ids) => {
      const rows = await dataSource.getRepository(EmergencyHandoff).find({ where: { ticketId: In([...ids]) }, order: { handedOffAt: "ASC", id: "ASC" } });
      return groupBy(ids, rows, (row) => row.ticketId);
    }),
  };
}
