import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import type { UnitRole } from "./assignment.enums.js";

/**
 * A unit's part in an assignment (lead or assisting), indexed by unit so an inbox is one index
 * scan; an assisting unit's input to the lead unit is kept here too.
 */
@Entity({ name: "routing_assignment_unit" })
@Index("routing_assignment_unit_unit_idx", ["unitId"])
export class AssignmentUnit {
  @PrimaryColumn({ name: "assignment_id", type: "uuid" })
  assignmentId!: string;

  @PrimaryColumn({ name: "unit_id", type: "uuid" })
  unitId!: string;

  @Column({ type: "text" })
  role!: UnitRole;

  /** An assisting unit's input before the lead unit replies. */
  @Column({ name: "assist_text", type: "text", nullable: true })
  assistText!: string | null;

  @Column({ name: "assist_at", type: "timestamptz", nullable: true })
  assistAt!: Date | null;

  @Column({ name: "assist_by_name", type: "text", nullable: true })
  assistByName!: string | null;
}
