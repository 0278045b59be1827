import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * One version of the department ranking's weights (排名权重). Versions are never changed once saved:
 * an admin's edit adds the next version, so that a past period can be ranked again with the weights
 * it was ranked with. Version 1 (the defaults) is inserted by the migration.
 */
@Entity({ name: "supervision_ranking_weights" })
export class RankingWeightsVersion {
  /** 1, 2, 3 … in the order saved. */
  @PrimaryColumn({ type: "integer" })
  version!: number;

  /** Weight of the on-time completion rate (按期办结率), 0–100. */
  @Column({ name: "on_time", type: "integer" })
  onTime!: number;

  /** Weight of result satisfaction (办理结果满意率), 0–100. */
  @Column({ type: "integer" })
  satisfaction!: number;

  /** Weight of 1 − the return rate (退单率), 0–100. */
  @Column({ name: "not_returned", type: "integer" })
  notReturned!: number;

  /** Weight of 1 − the re-report rate (续报率), 0–100. */
  @Column({ name: "not_re_reported", type: "integer" })
  notReReported!: number;

  /** Weight of 1 − the extension rate (延期率), 0–100. */
  @Column({ name: "not_extended", type: "integer" })
  notExtended!: number;

  /** Units with fewer tickets dispatched to them in the period are shown apart, not ranked. */
  @Column({ name: "min_tickets", type: "integer" })
  minTickets!: number;

  /** Why the weights changed (shown in the version list). */
  @Column({ type: "text", nullable: true })
  note!: string | null;

  /** When this version was saved; it is in force from then until the next version. */
  @Column({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  @Column({ name: "created_by_name", type: "text" })
  createdByName!: string;
}
