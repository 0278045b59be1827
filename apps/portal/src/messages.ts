import { defineMessages, useT, type Catalog, type Translate } from "@civicline/ui";
import { submitMessages } from "./submit/messages.ts";
import { trackMessages } from "./track/messages.ts";

/** Citizen portal wording shared by its pages. Chinese follows the usage of 12345 hotlines. */
const baseMessages = defineMessages(
  {
    "app.title": "Online requests",
    "nav.home": "Home",
    "nav.submit": "Submit a request",
    "nav.track": "Track a request",
    "nav.faq": "Common questions",
    "home.title": "How can we help?",
    "home.intro": "Tell the city about a problem, ask a question or make a suggestion. Your request is handled by the same team as the 12345 phone line.",
    "home.submit.title": "Submit a request",
    "home.submit.body": "Describe the problem and where it is. You will get a tracking number.",
    "home.track.title": "Track a request",
    "home.track.body": "Use your tracking number and phone number to see how your request is progressing.",
    "home.faq.title": "Common questions",
    "home.faq.body": "Before you call, see if one of the published answers already answers you.",
    "home.emergency": "In an emergency call 110 (police), 119 (fire) or 120 (ambulance). Do not use this form.",
    "notFound.title": "Page not found",
    "notFound.body": "This page does not exist. Go back to the home page.",
  },
  {
    "app.title": "网上诉求",
    "nav.home": "首页",
    "nav.submit": "提交诉求",
    "nav.track": "查询诉求",
    "nav.faq": "常见问题",
    "home.title": "请问有什么可以帮您？",
    "home.intro": "反映问题、咨询政策或提出建议，均可在此提交。网上诉求与 12345 热线电话统一受理、统一办理。",
    "home.submit.title": "提交诉求",
    "home.submit.body": "说明问题和发生地点，提交后您将获得一个工单编号。",
    "home.track.title": "查询诉求",
    "home.track.body": "凭工单编号和手机号码查询办理进度。",
    "home.faq.title": "常见问题",
    "home.faq.body": "来电前先查一查，已发布的政策问答也许就能解答您的疑问。",
    "home.emergency": "遇紧急情况请直接拨打 110（报警）、119（火警）或 120（急救），请勿通过本表单反映。",
    "notFound.title": "页面不存在",
    "notFound.body": "您访问的页面不存在，请返回首页。",
  },
);

type KeysOf<C> = C extends Catalog<infer K> ? K : never;

export type PortalMessageKey = KeysOf<typeof baseMessages> | KeysOf<typeof submitMessages> | KeysOf<typeof trackMessages>;

/** Every portal page's wording in one catalog for the I18nProvider. */
export const portalMessages: Catalog<PortalMessageKey> = {
  en: { ...baseMessages.en, ...submitMessages.en, ...trackMessages.en },
  "zh-CN": { ...baseMessages["zh-CN"], ...submitMessages["zh-CN"], ...trackMessages["zh-CN"] },
};

/** `t()` typed to the shared and the portal's keys. */
export function usePortalT(): Translate<PortalMessageKey> {
  return useT<PortalMessageKey>();
}
