import type { Category, Ticket } from "@civicline/intake";
import type { Assignment, Unit } from "@civicline/routing";
import { CallbackTaskKind } from "../callback.enums.js";

const ZONE = "Asia/Shanghai";
const dayZh = new Intl.DateTimeFormat("zh-CN", { timeZone: ZONE, month: "long", day: "numeric" });
const dayEn = new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, month: "long", day: "numeric" });

function gist(text: string, max = 80): string {
  const chars = [...text.replace(/\s+/g, " ").trim().replace(/[。．.！!；;，,\s]+$/u, "")];
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : chars.join("");
}

/**
 * A short script for the call, filled in for the ticket: who is calling, what the citizen asked and
 * what the unit replied, then the questions in the order the form asks them.
 */
export function callbackScript(input: { kind: CallbackTaskKind; ticket: Ticket; category: Category | null; assignment: Assignment | null; unit: Unit | null }): { zh: string; en: string } {
  const { ticket, category, assignment, unit } = input;
  const topicZh = category?.nameZh ?? "您反映的";
  const topicEn = category?.nameEn ?? "your request";
  const greetingZh = `您好，请问是${ticket.citizenName}吗？我是12345政务服务便民热线的回访员。`;
  const greetingEn = `Hello, am I speaking with ${ticket.citizenName}? I am calling from the 12345 government service hotline.`;
  if (input.kind === CallbackTaskKind.DIRECT_ANSWER_SURVEY) {
    return {
      zh: `${greetingZh}您${dayZh.format(ticket.receivedAt)}来电咨询的“${topicZh}”问题（工单号 ${ticket.trackingNumber}），话务员已当场为您解答。想耽误您半分钟：您对热线这次的服务过程是否满意？（非常满意／满意／基本满意／不满意／非常不满意）还有什么意见或建议吗？感谢您的支持，再见！`,
      en: `${greetingEn} On ${dayEn.format(ticket.receivedAt)} you asked us about "${topicEn}" (ticket ${ticket.trackingNumber}) and the call-taker answered on the spot. May I ask: how satisfied are you with how the hotline handled your call — very satisfied, satisfied, basically satisfied, dissatisfied or very dissatisfied? Anything else you would like to tell us? Thank you, goodbye!`,
    };
  }
  const unitZh = unit?.nameZh ?? "承办单位";
  const unitEn = unit?.nameEn ?? "the handling unit";
  const replied = assignment?.repliedAt ?? ticket.receivedAt;
  const reply = assignment?.replyText ? gist(assignment.replyText) : "";
  return {
    zh: `${greetingZh}您${dayZh.format(ticket.receivedAt)}反映的“${topicZh}”问题（工单号 ${ticket.trackingNumber}），${unitZh}已于${dayZh.format(replied)}答复：${reply}。想占用您一分钟做个回访：1. 您反映的问题是否已经解决？（已解决／部分解决／未解决）2. 您对办理结果是否满意？（非常满意／满意／基本满意／不满意／非常不满意）3. 您对热线的服务过程是否满意？4. 还有什么意见或建议吗？感谢您对12345热线工作的支持，再见！`,
    en: `${greetingEn} On ${dayEn.format(ticket.receivedAt)} you reported "${topicEn}" (ticket ${ticket.trackingNumber}); ${unitEn} replied on ${dayEn.format(replied)}: ${reply}. May I take a minute of your time? 1. Has the matter been resolved — fully, partly, or not at all? 2. How satisfied are you with the result: very satisfied, satisfied, basically satisfied, dissatisfied or very dissatisfied? 3. And with how the hotline handled your request? 4. Anything else you would like to tell us? Thank you for your support, goodbye!`,
  };
}
