import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { LeaderMatterKind } from "./leader.enums.js";

/** 领导包案: a ticket or a named hot issue (several tickets) a supervisor assigned to a leader, tracked to its outcome. */
@Entity({ name: "supervision_leader_matter" })
@Index("supervision_leader_matter_leader_idx", ["leaderId", "assignedAt"])
export class LeaderMatter {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "text" })
  kind!: LeaderMatterKind;

  @Column({ name: "leader_id", type: "uuid" })
  leaderId!: string;

  @Column({ name: "leader_name", type: "text" })
  leaderName!: string;

  /** The hot issue's name (HOT_ISSUE); null for a single ticket. */
  @Column({ type: "text", nullable: true })
  title!: string | null;

  /** Why the leader takes it (shown on the leader's page). */
  @Column({ type: "text", nullable: true })
  note!: string | null;

  /** When the matter should be resolved. */
  @Column({ name: "due_at", type: "timestamptz", nullable: true })
  dueAt!: Date | null;

  @Column({ name: "assigned_by_id", type: "uuid" })
  assignedById!: string;

  @Column({ name: "assigned_by_name", type: "text" })
  assignedByName!: string;

  @CreateDateColumn({ name: "assigned_at", type: "timestamptz" })
  assignedAt!: Date;
}
