import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";

/** A QA team (班组): a staff user leads it, operators are its members. There is no team-lead role: a team lead is whoever leads a team. */
@Entity({ name: "qa_team" })
export class QaTeam {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Index("qa_team_name_key", { unique: true })
  @Column({ type: "text" })
  name!: string;

  /** The staff user who leads the team (platform_user.id). */
  @Index("qa_team_lead_idx")
  @Column({ name: "lead_user_id", type: "uuid" })
  leadUserId!: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;
}

/** A call-taker's membership of a team; a call-taker belongs to at most one team. */
@Entity({ name: "qa_team_member" })
@Index("qa_team_member_team_idx", ["teamId", "userId"])
export class QaTeamMember {
  /** The call-taker (platform_user.id). */
  @PrimaryColumn({ name: "user_id", type: "uuid" })
  userId!: string;

  @Column({ name: "team_id", type: "uuid" })
  teamId!: string;
}
