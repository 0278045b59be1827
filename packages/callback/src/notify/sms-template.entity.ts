import { Column, Entity, PrimaryColumn } from "typeorm";
import { NoticeLocale, NoticeStep } from "./notice.enums.js";

/** An admin's wording of one step's text in one language; without a row the built-in wording applies. */
@Entity({ name: "callback_sms_template" })
export class SmsTemplate {
  @PrimaryColumn({ type: "text" })
  step!: NoticeStep;

  @PrimaryColumn({ type: "text" })
  locale!: NoticeLocale;

  @Column({ type: "text" })
  text!: string;

  @Column({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;

  @Column({ name: "updated_by_name", type: "text" })
  updatedByName!: string;
}
