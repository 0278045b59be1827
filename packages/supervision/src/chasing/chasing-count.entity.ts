import { Column, Entity, PrimaryColumn } from "typeorm";
import type { ChasingSeverity, ChasingStage } from "./chasing.enums.js";

/**
 * Late tickets per unit, stage and severity, moved by `reconcileChasing` in the same transaction
 * as the items: the board's counts read these few rows instead of counting tickets. The centre
 * (tickets not dispatched yet) counts under `CENTRE_UNIT_KEY`.
 */
@Entity({ name: "supervision_chasing_count" })
export class ChasingCount {
  @PrimaryColumn({ type: "text" })
  stage!: ChasingStage;

  @PrimaryColumn({ type: "text" })
  severity!: ChasingSeverity;

  @PrimaryColumn({ name: "unit_key", type: "uuid" })
  unitKey!: string;

  @Column({ type: "integer", default: 0 })
  count!: number;
}
