import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/**
 * One accepted re-report (续报): the ticket went back to `unitId` at `at`. Kept from callback's
 * `callback.re_report_decided` event (the proposal id as key, so a redelivered event adds nothing),
 * so re-reports per unit in a period are one index range scan.
 */
@Entity({ name: "supervision_re_report" })
@Index("supervision_re_report_at_unit_idx", ["at", "unitId"])
@Index("supervision_re_report_ticket_idx", ["ticketId"])
export class SupervisionReReport {
  /** The callback re-report proposal that was accepted. */
  @PrimaryColumn({ name: "proposal_id", type: "uuid" })
  proposalId!: string;

  @Column({ name: "ticket_id", type: "uuid" })
  ticketId!: string;

  /** The unit the ticket went back to (the lead unit that had replied). */
  @Column({ name: "unit_id", type: "uuid" })
  unitId!: string;

  /** When the re-report was accepted. */
  @Column({ type: "timestamptz" })
  at!: Date;
}
