import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * A text message the development SMS sender "sent": kept so a developer (or an end-to-end test)
 * can read it at `GET /dev/sms`. Production senders do not write here.
 */
@Entity({ name: "platform_sms_message" })
@Index("platform_sms_message_to_idx", ["to", "createdAt"])
export class SmsMessage {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** The phone number as the sender was given it. */
  @Column({ type: "text" })
  to!: string;

  @Column({ type: "text" })
  text!: string;

  /** Why it was sent, e.g. `tracking-code`, `tracking-number`. */
  @Column({ type: "text" })
  purpose!: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;
}
