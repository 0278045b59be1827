import type { LoaderRegistry } from "@civicline/platform";
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import { Area } from "../catalog/area.entity.js";
import { Category } from "../catalog/category.entity.js";
import { TicketLinkKind } from "../call-screen/call-screen.enums.js";
import { CoReporter } from "../call-screen/co-reporter.entity.js";
import { EmergencyHandoff } from "../call-screen/emergency-handoff.entity.js";
import type { AttachmentView, LinkView } from "../call-screen/ticket-relations.js";
import { TicketHistory } from "./ticket-history.entity.js";
import { Ticket } from "./ticket.entity.js";
import type { TicketStatus } from "./ticket.enums.js";

/** What a staff ticket's field resolvers read besides the ticket row. */
export type TicketPart = "category" | "areas" | "attachments" | "links" | "coReporters" | "handoffs" | "history";

/** The parts of one ticket read by one statement; a part left out of that statement is undefined. */
export type TicketDetails = {
  category?: Category | null;
  areas?: Map<string, Area>;
  attachments?: AttachmentView[];
  links?: LinkView[];
  coReporters?: CoReporter[];
  handoffs?: EmergencyHandoff[];
  history?: TicketHistory[];
};

/** One subquery per part, each returning JSON for the ticket `t` (`$2` is the RELATED link kind). */
const PART_SQL: Record<TicketPart, string> = {
  category: `(SELECT to_jsonb(c) FROM intake_category c WHERE c.id = t.category_id)`,
  areas: `(SELECT coalesce(jsonb_agg(to_jsonb(a)), '[]') FROM intake_area a WHERE a.id = t.district_id OR a.id = t.township_id)`,
  attachments: `(SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY x.created_at, x.id), '[]') FROM intake_ticket_attachment x WHERE x.ticket_id = t.id)`,
  links: `(SELECT coalesce(jsonb_agg(jsonb_build_object('kind', k.kind, 'id', k.id, 'tracking_number', k.tracking_number, 'status', k.status) ORDER BY k.created_at, k.id), '[]')
             FROM (SELECT l.kind, o.id, o.tracking_number, o.status, l.created_at
                     FROM intake_ticket_link l JOIN intake_ticket o ON o.id = l.other_ticket_id WHERE l.ticket_id = t.id
                   UNION ALL
                   SELECT l.kind, o.id, o.tracking_number, o.status, l.created_at
                     FROM intake_ticket_link l JOIN intake_ticket o ON o.id = l.ticket_id WHERE l.other_ticket_id = t.id AND l.kind = $2) k)`,
  coReporters: `(SELECT coalesce(jsonb_agg(to_jsonb(r) ORDER BY r.added_at, r.id), '[]') FROM intake_co_reporter r WHERE r.ticket_id = t.id)`,
  handoffs: `(SELECT coalesce(jsonb_agg(to_jsonb(h) ORDER BY h.handed_off_at, h.id), '[]') FROM intake_emergency_handoff h WHERE h.ticket_id = t.id)`,
  history: `(SELECT coalesce(jsonb_agg(to_jsonb(s) ORDER BY s.id), '[]') FROM intake_ticket_history s WHERE s.ticket_id = t.id)`,
};

const DATE_TYPES = new Set<unknown>(["timestamptz", "timestamp", "timestamp with time zone", "timestamp without time zone", Date]);
const STRING_TYPES = new Set<unknown>(["bigint", "int8", "numeric", "decimal"]);

/**
 * An entity from `to_jsonb(row)`: each column by its database name, converted as the driver
 * would (timestamps → Date, bigint/numeric → string), so that it equals what a find() returns.
 */
export function fromRowJson<T extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<T>, json: Record<string, unknown>): T {
  const metadata = dataSource.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    const raw = json[column.databaseName];
    const value = raw === null || raw === undefined ? null : DATE_TYPES.has(column.type) ? new Date(raw as string) : STRING_TYPES.has(column.type) ? String(raw) : raw;
    column.setEntityValue(entity, value);
  }
  return entity;
}

type Row = { id: string } & Partial<Record<TicketPart, unknown>>;

/** The parts' subqueries as select-list columns, and the parameters they add after `$1`. */
function partColumns(parts: readonly TicketPart[]): { columns: string; params: unknown[] } {
  return {
    columns: parts.map((part) => `,\n  ${PART_SQL[part]} AS "${part}"`).join(""),
    params: parts.includes("links") ? [TicketLinkKind.RELATED] : [],
  };
}

/** One ticket's parts from the JSON columns of its row. */
function detailsOf(dataSource: DataSource, row: Row | undefined, parts: readonly TicketPart[]): TicketDetails {
  const list = <T extends ObjectLiteral>(value: unknown, target: EntityTarget<T>) => ((value ?? []) as Array<Record<string, unknown>>).map((json) => fromRowJson(dataSource, target, json));
  const details: TicketDetails = {};
  for (const part of parts) {
    const value = row?.[part];
    switch (part) {
      case "category":
        details.category = value ? fromRowJson(dataSource, Category, value as Record<string, unknown>) : null;
        break;
      case "areas":
        details.areas = new Map(list(value, Area).map((area) => [area.id, area]));
        break;
      case "attachments":
        details.attachments = ((value ?? []) as Array<Record<string, unknown>>).map((json) => ({
          id: String(json.file_id),
          filename: String(json.filename),
          contentType: String(json.content_type),
          size: Number(json.size),
          url: `/files/${String(json.file_id)}`,
        }));
        break;
      case "links":
        details.links = ((value ?? []) as Array<{ kind: TicketLinkKind; id: string; tracking_number: string; status: TicketStatus }>).map((link) => ({
          kind: link.kind,
          ticket: { id: link.id, trackingNumber: link.tracking_number, status: link.status },
        }));
        break;
      case "coReporters":
        details.coReporters = list(value, CoReporter);
        break;
      case "handoffs":
        details.handoffs = list(value, EmergencyHandoff);
        break;
      case "history":
        details.history = list(value, TicketHistory);
        break;
    }
  }
  return details;
}

/** The wanted parts of several tickets in one statement. */
async function loadDetails(dataSource: DataSource, ids: readonly string[], parts: readonly TicketPart[]): Promise<TicketDetails[]> {
  const { columns, params } = partColumns(parts);
  const rows: Row[] = await dataSource.query(`SELECT t.id${columns}\nFROM intake_ticket t WHERE t.id = ANY($1::uuid[])`, [ids, ...params]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => detailsOf(dataSource, byId.get(id), parts));
}

/** The parts asked for in each request so far (field resolvers say which before the batch runs). */
const wantedParts = new WeakMap<LoaderRegistry, Set<TicketPart>>();

const loaderOf = (dataSource: DataSource, loaders: LoaderRegistry, parts: Set<TicketPart>) =>
  loaders.get<string, TicketDetails>("intake.ticketDetails", (ids) => loadDetails(dataSource, ids, [...parts]));

/** The request's details loader, and the set of parts its next batch reads. */
function detailsLoader(dataSource: DataSource, loaders: LoaderRegistry): { wanted: Set<TicketPart>; loader: ReturnType<typeof loaderOf> } {
  let wanted = wantedParts.get(loaders);
  if (!wanted) {
    wanted = new Set();
    wantedParts.set(loaders, wanted);
  }
  return { wanted, loader: loaderOf(dataSource, loaders, wanted) };
}

/**
 * A ticket's category, areas and lists for the staff ticket's field resolvers: every part that
 * any resolver of the request asked for, of every ticket of the request, in ONE statement (a
 * DataLoader per request). GraphQL calls a ticket's field resolvers in one go before the batch
 * runs, so the statement has every part asked for; a part asked for only later is undefined here
 * and the caller loads it on its own.
 */
export function ticketDetails(dataSource: DataSource, loaders: LoaderRegistry, ticketId: string, part: TicketPart): Promise<TicketDetails> {
  const { wanted, loader } = detailsLoader(dataSource, loaders);
  wanted.add(part);
  return loader.load(ticketId);
}

/** Which of a staff ticket's fields read which part. */
const PART_OF_FIELD: Readonly<Record<string, TicketPart>> = {
  category: "category",
  district: "areas",
  township: "areas",
  attachments: "attachments",
  links: "links",
  coReporters: "coReporters",
  emergencyHandoffs: "handoffs",
  history: "history",
};

/** The parts per field of a parsed document (Apollo hands back the same parsed document for the same text). */
const partsOfField = new WeakMap<FieldNode, TicketPart[]>();

/** The parts a query's selection of a staff ticket reads (its fragments included; a skipped field may be counted). */
export function selectedTicketParts(info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">): TicketPart[] {
  const only = info.fieldNodes.length === 1 ? info.fieldNodes[0] : undefined;
  const known = only && partsOfField.get(only);
  if (known) {
    return known;
  }
  const parts = new Set<TicketPart>();
  const visit = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const part = PART_OF_FIELD[selection.name.value];
        if (part) {
          parts.add(part);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else {
        visit(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) {
    visit(node.selectionSet);
  }
  const list = [...parts];
  if (only) {
    partsOfField.set(only, list);
  }
  return list;
}

/**
 * One ticket row and the given parts in ONE statement (the console's ticket query): the parts
 * are handed to this request's details loader, so the field resolvers read them without another
 * statement. Null when no ticket has this id (a uuid).
 */
export async function ticketWithDetails(dataSource: DataSource, loaders: LoaderRegistry, ticketId: string, parts: readonly TicketPart[]): Promise<Ticket | null> {
  const { columns, params } = partColumns(parts);
  const rows: Array<Row & { ticket: Record<string, unknown> }> = await dataSource.query(
    `SELECT t.id, to_jsonb(t) AS "ticket"${columns}\nFROM intake_ticket t WHERE t.id = $1::uuid`,
    [ticketId, ...params],
  );
  const row = rows[0];
  if (!row) {
    return null;
  }
  const { wanted, loader } = detailsLoader(dataSource, loaders);
  for (const part of parts) {
    wanted.add(part);
  }
  loader.prime(row.id, detailsOf(dataSource, row, parts));
  return fromRowJson(dataSource, Ticket, row.ticket);
}
