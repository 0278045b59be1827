import { Column, Entity, PrimaryColumn } from "typeorm";

/** Per request type: how soon after the reply the callback is due, how often it is tried. */
export type RequestTypeSetting = { requestType: string; dueMinutes: number; maxTries: number; retryMinutes: number };

/**
 * The callback settings, one row (id 1) once an admin saved them; until then the defaults in
 * `DEFAULT_SETTINGS` apply. Changes apply to tasks and missed calls created afterwards.
 */
@Entity({ name: "callback_settings" })
export class CallbackSettings {
  @PrimaryColumn({ type: "integer" })
  id!: number;

  /** One entry per request type. */
  @Column({ name: "request_types", type: "jsonb" })
  requestTypes!: RequestTypeSetting[];

  /** Share of direct answers that get a process-satisfaction survey (0 … 1). */
  @Column({ name: "survey_sample_rate", type: "double precision" })
  surveySampleRate!: number;

  @Column({ name: "missed_call_return_minutes", type: "integer" })
  missedCallReturnMinutes!: number;

  @Column({ name: "missed_call_max_tries", type: "integer" })
  missedCallMaxTries!: number;

  @Column({ name: "missed_call_retry_minutes", type: "integer" })
  missedCallRetryMinutes!: number;

  /** How long a claimed task stays locked to its agent. */
  @Column({ name: "claim_minutes", type: "integer" })
  claimMinutes!: number;

  @Column({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;

  @Column({ name: "updated_by_name", type: "text" })
  updatedByName!: string;
}
