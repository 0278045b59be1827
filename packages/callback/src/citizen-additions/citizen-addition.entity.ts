import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * What a citizen added to their open request on the portal (市民补充): a message and/or photos.
 * The photos are attached to the ticket too (intake's attachments), so whoever may open the ticket
 * may open them. The lead unit at the time sees it at the top of its workbench until it marks it read.
 */
@Entity({ name: "callback_citizen_addition" })
@Index("callback_citizen_addition_ticket_idx", ["ticketId", "at"])
@Index("callback_citizen_addition_unread_idx", ["unitId", "at"], { where: "seen_at IS NULL" })
export class CitizenAddition {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "ticket_id", type: "uuid" })
  ticketId!: string;

  /** The dispatch current when it was added; null while the ticket was still at the centre. */
  @Column({ name: "assignment_id", type: "uuid", nullable: true })
  assignmentId!: string | null;

  /** The lead unit at the time (whose workbench shows it); null while the ticket was at the centre. */
  @Column({ name: "unit_id", type: "uuid", nullable: true })
  unitId!: string | null;

  /** The citizen's words; null when they only added photos. */
  @Column({ type: "text", nullable: true })
  message!: string | null;

  /** The photos' stored file ids (also in intake_ticket_attachment). */
  @Column({ name: "file_ids", type: "uuid", array: true, default: () => "'{}'" })
  fileIds!: string[];

  @Column({ type: "timestamptz" })
  at!: Date;

  /** When the lead unit marked it read. */
  @Column({ name: "seen_at", type: "timestamptz", nullable: true })
  seenAt!: Date | null;

  @Column({ name: "seen_by_name", type: "text", nullable: true })
  seenByName!: string | null;
}
