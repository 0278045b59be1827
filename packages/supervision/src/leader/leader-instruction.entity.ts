import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** 领导批示: a leader's instruction on a ticket, shown first to the unit handling it. Append-only. */
@Entity({ name: "supervision_leader_instruction" })
@Index("supervision_leader_instruction_ticket_idx", ["ticketId", "createdAt"])
export class LeaderInstruction {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "ticket_id", type: "uuid" })
  ticketId!: string;

  @Column({ name: "leader_id", type: "uuid" })
  leaderId!: string;

  @Column({ name: "leader_name", type: "text" })
  leaderName!: string;

  /** The leader's title when instructing (from their latest session), e.g. 张店区区长; empty when unknown. */
  @Column({ name: "leader_title", type: "text", default: "" })
  leaderTitle!: string;

  @Column({ type: "text" })
  text!: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;
}
