import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * The supervision order settings, one row (id 1) once an admin saved them; until then the defaults in
 * `DEFAULT_ORDER_SETTINGS` apply.
 */
@Entity({ name: "supervision_order_settings" })
export class SupervisionOrderSettings {
  @PrimaryColumn({ type: "integer" })
  id!: number;

  /** Issue a REMINDER automatically when a ticket becomes overdue. */
  @Column({ name: "auto_reminder_on_overdue", type: "boolean" })
  autoReminderOnOverdue!: boolean;

  /** Working minutes the unit has to answer a reminder (also the automatic one). */
  @Column({ name: "reminder_minutes", type: "integer" })
  reminderMinutes!: number;

  /** Working minutes to answer formal supervision. */
  @Column({ name: "formal_minutes", type: "integer" })
  formalMinutes!: number;

  /** Working minutes to answer listed supervision. */
  @Column({ name: "listed_minutes", type: "integer" })
  listedMinutes!: number;

  @Column({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;

  @Column({ name: "updated_by_name", type: "text" })
  updatedByName!: string;
}
