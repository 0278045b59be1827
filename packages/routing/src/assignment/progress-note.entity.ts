import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import type { NoteVisibility } from "./assignment.enums.js";

/** A handling unit's note on its progress with a ticket. Append-only. */
@Entity({ name: "routing_progress_note" })
@Index("routing_progress_note_assignment_idx", ["assignmentId", "at"])
export class ProgressNote {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "assignment_id", type: "uuid" })
  assignmentId!: string;

  @Column({ name: "ticket_id", type: "uuid" })
  ticketId!: string;

  @Column({ name: "unit_id", type: "uuid", nullable: true })
  unitId!: string | null;

  @Column({ name: "author_id", type: "uuid", nullable: true })
  authorId!: string | null;

  @Column({ name: "author_name", type: "text" })
  authorName!: string;

  @Column({ type: "text" })
  visibility!: NoteVisibility;

  @Column({ type: "text" })
  text!: string;

  @Column({ type: "timestamptz", default: () => "now()" })
  at!: Date;
}
