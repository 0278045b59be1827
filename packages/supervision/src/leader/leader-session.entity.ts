import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * A leader session (领导坐班接听): a leader sits at a call-taker's seat from `startsAt` to `endsAt`;
 * the tickets logged at that seat in that time are marked as taken by the leader.
 */
@Entity({ name: "supervision_leader_session" })
@Index("supervision_leader_session_seat_idx", ["seat", "startsAt"])
@Index("supervision_leader_session_leader_idx", ["leaderId", "startsAt"])
export class LeaderSession {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** The leader's account (platform_user, role LEADER). */
  @Column({ name: "leader_id", type: "uuid" })
  leaderId!: string;

  /** The leader's name when the session was scheduled. */
  @Column({ name: "leader_name", type: "text" })
  leaderName!: string;

  /** The leader's title, e.g. 张店区区长 / District head of Zhangdian. */
  @Column({ name: "leader_title", type: "text" })
  leaderTitle!: string;

  /** The leader's unit, e.g. 张店区人民政府. */
  @Column({ name: "leader_unit", type: "text" })
  leaderUnit!: string;

  /** The seat (workstation) the leader sits at, e.g. A01. */
  @Column({ type: "text" })
  seat!: string;

  @Column({ name: "starts_at", type: "timestamptz" })
  startsAt!: Date;

  @Column({ name: "ends_at", type: "timestamptz" })
  endsAt!: Date;

  @Column({ name: "created_by_name", type: "text" })
  createdByName!: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;
}
