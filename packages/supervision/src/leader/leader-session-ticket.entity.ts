import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/** A ticket logged at a leader session's seat during the session: taken by the leader. One session per ticket. */
@Entity({ name: "supervision_leader_session_ticket" })
@Index("supervision_leader_session_ticket_session_idx", ["sessionId", "markedAt"])
export class LeaderSessionTicket {
  @PrimaryColumn({ name: "ticket_id", type: "uuid" })
  ticketId!: string;

  @Column({ name: "session_id", type: "uuid" })
  sessionId!: string;

  @Column({ name: "marked_at", type: "timestamptz", default: () => "now()" })
  markedAt!: Date;
}
