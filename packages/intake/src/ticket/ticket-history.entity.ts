import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { HistoryActorKind, HistoryNote } from "./history-note.js";
import { TicketHistoryKind, TicketStatus } from "./ticket.enums.js";

/** One step of a ticket's life. Append-only: rows are inserted, never updated or deleted. */
@Entity({ name: "intake_ticket_history" })
@Index("intake_ticket_history_ticket_idx", ["ticketId", "at"])
export class TicketHistory {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id!: string;

  @Column({ name: "ticket_id", type: "uuid" })
  ticketId!: string;

  @Column({ type: "timestamptz", default: () => "now()" })
  at!: Date;

  @Column({ name: "from_status", type: "text", nullable: true })
  fromStatus!: TicketStatus | null;

  @Column({ name: "to_status", type: "text" })
  toStatus!: TicketStatus;

  /** STATUS for status changes; other kinds record a change with the status unchanged (from = to). */
  @Column({ type: "text", default: TicketHistoryKind.STATUS })
  kind!: TicketHistoryKind;

  @Column({ name: "actor_id", type: "uuid", nullable: true })
  actorId!: string | null;

  /** Name at the time of the change ("citizen (portal)" for the public). Never shown to citizens. */
  @Column({ name: "actor_name", type: "text" })
  actorName!: string;

  /** Who, as a kind the screens translate (the citizen, auto-dispatch …); STAFF shows actorName. */
  @Column({ name: "actor_kind", type: "text", default: HistoryActorKind.STAFF })
  actorKind!: HistoryActorKind;

  @Column({ type: "text", nullable: true })
  reason!: string | null;

  /** The note as a code rendered in the viewer's language (null: only `reason`, as typed). */
  @Column({ name: "note_code", type: "text", nullable: true })
  noteCode!: HistoryNote | null;

  /** The note's parameters (strings by name). */
  @Column({ name: "note_params", type: "jsonb", nullable: true })
  noteParams!: Record<string, string> | null;

  /** Whether the citizen's timeline shows this step. */
  @Column({ name: "is_public", type: "boolean", default: true })
  isPublic!: boolean;
}
