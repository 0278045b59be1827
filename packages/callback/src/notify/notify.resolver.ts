import type { AppServices, RequestContext } from "@civicline/platform";
import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { NoticeLocale, NoticeStep } from "./notice.enums.js";
import { SmsTemplateType, TextMessagePreferenceType } from "./notify.types.js";
import { readSmsPreference, setSmsPreference } from "./sms-preferences.js";
import { listSmsTemplates, saveSmsTemplate } from "./sms-templates.js";

/** The texts citizens get about their requests: admins word them, citizens opt out on the portal. */
@Resolver()
export class NotifyResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => [SmsTemplateType], { description: "ADMIN: the wording of every step's text to citizens, in both languages." })
  async smsTemplates(@Ctx() ctx: RequestContext): Promise<SmsTemplateType[]> {
    return listSmsTemplates(this.services.dataSource, { actor: ctx.actor });
  }

  @Mutation(() => SmsTemplateType, {
    description:
      "ADMIN: save one step's wording in one language, or put the built-in wording back (`text` null). Errors (nothing stored): CALLBACK/TEMPLATE_UNKNOWN_PLACEHOLDER and CALLBACK/TEMPLATE_MISSING_PLACEHOLDER (with `placeholder`), CALLBACK/TEMPLATE_INVALID (empty, over 300 characters, a stray brace); `fields` names `text`.",
  })
  async saveSmsTemplate(
    @Arg("step", () => NoticeStep, { description: "The step." }) step: NoticeStep,
    @Arg("locale", () => NoticeLocale, { description: "The language." }) locale: NoticeLocale,
    @Arg("text", () => String, { nullable: true, description: "The wording with placeholders ({number}, {unit}, {due}, {link}); null for the built-in wording." }) text: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<SmsTemplateType> {
    const saved = await saveSmsTemplate(this.services.dataSource, {
      actor: ctx.actor,
      step,
      locale,
      text,
    });
    ctx.log.info({ step, locale, isDefault: saved.isDefault }, "SMS template saved");
    return saved;
  }

  @Query(() => TextMessagePreferenceType, {
    description: "A citizen reads what they chose for progress texts (public, with the access token from verifyTrackingCode). INTAKE/TRACKING_ACCESS_INVALID.",
  })
  async textMessagePreference(
    @Arg("trackingNumber", { description: "The request's tracking number." }) trackingNumber: string,
    @Arg("accessToken", { description: "From `verifyTrackingCode`." }) accessToken: string,
  ): Promise<TextMessagePreferenceType> {
    return readSmsPreference(this.services.dataSource, { trackingNumber, accessToken });
  }

  @Mutation(() => TextMessagePreferenceType, {
    description:
      "A citizen stops or restarts the progress texts to the phone their request was filed with, and picks their language (public, with the access token from verifyTrackingCode). Applies to every request filed with that number from the next step on. INTAKE/TRACKING_ACCESS_INVALID, CALLBACK/NO_TEXTABLE_PHONE.",
  })
  async setTextMessagePreference(
    @Arg("trackingNumber", { description: "The request's tracking number." }) trackingNumber: string,
    @Arg("accessToken", { description: "From `verifyTrackingCode`." }) accessToken: string,
    @Arg("optedOut", { description: "True: no more progress texts." }) optedOut: boolean,
    @Arg("locale", () => NoticeLocale, { nullable: true, description: "The texts' language; null: both." }) locale: NoticeLocale | null,
    @Ctx() ctx: RequestContext,
  ): Promise<TextMessagePreferenceType> {
    const result = await setSmsPreference(this.services.dataSource, { trackingNumber, accessToken, optedOut, locale });
    ctx.log.info({ optedOut, locale }, "citizen text preference saved");
    return result;
  }
}
