import { Entity, Index, PrimaryColumn } from "typeorm";

/** A ticket of a leader's matter. */
@Entity({ name: "supervision_leader_matter_ticket" })
@Index("supervision_leader_matter_ticket_ticket_idx", ["ticketId"])
export class LeaderMatterTicket {
  @PrimaryColumn({ name: "matter_id", type: "uuid" })
  matterId!: string;

  @PrimaryColumn({ name: "ticket_id", type: "uuid" })
  ticketId!: string;
}
