import { Column, Entity, PrimaryColumn } from "typeorm";
import { NoticeLocale } from "./notice.enums.js";

/**
 * What a citizen chose on the portal for the texts to their phone number (for every request filed
 * with it): the language, and whether they want progress texts at all. No row: both languages, texts on.
 */
@Entity({ name: "callback_sms_preference" })
export class SmsPreference {
  /** Digits only. */
  @PrimaryColumn({ type: "text" })
  phone!: string;

  /** null: both languages. */
  @Column({ type: "text", nullable: true })
  locale!: NoticeLocale | null;

  @Column({ name: "opted_out", type: "boolean", default: false })
  optedOut!: boolean;

  @Column({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;
}
