import { Field, ObjectType } from "type-graphql";
import { NoticeLocale, NoticeStep } from "./notice.enums.js";

@ObjectType("SmsTemplate", { description: "The wording of the text citizens get at one step, in one language (an admin's, or the built-in one)." })
export class SmsTemplateType {
  @Field(() => NoticeStep, { description: "The step the text is sent at." })
  step!: NoticeStep;

  @Field(() => NoticeLocale, { description: "Its language." })
  locale!: NoticeLocale;

  @Field({ description: "The wording in force, with placeholders such as {number}." })
  text!: string;

  @Field({ description: "The built-in wording (what `text` goes back to when reset)." })
  defaultText!: string;

  @Field({ description: "Whether the built-in wording is in force." })
  isDefault!: boolean;

  @Field(() => [String], { description: "Placeholders this step may use: number (tracking number), unit (lead unit), due (completion deadline), link (the portal page)." })
  allowedPlaceholders!: string[];

  @Field(() => [String], { description: "Placeholders this step must use." })
  requiredPlaceholders!: string[];

  @Field(() => Date, { nullable: true, description: "When an admin last saved it (null: built-in)." })
  updatedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Who saved it." })
  updatedByName!: string | null;
}

@ObjectType("TextMessagePreference", { description: "What the citizen chose for the progress texts to the phone their request was filed with." })
export class TextMessagePreferenceType {
  @Field({ description: "True: no more progress texts to this number (sign-in codes are still sent when asked for)." })
  optedOut!: boolean;

  @Field(() => NoticeLocale, { nullable: true, description: "The language of the texts; null: both Chinese and English." })
  locale!: NoticeLocale | null;
}
