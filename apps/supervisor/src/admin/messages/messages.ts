import { defineMessages, interpolate, useLanguage, type MessageVars } from "@civicline/ui";
import { useCallback } from "react";

/** Wording of the admin page for the texts citizens get (短信模板). */
export const adminMessageMessages = defineMessages(
  {
    "am.nav": "Citizen text messages",
    "am.title": "Text messages to citizens",
    "am.intro":
      "Citizens and every co-reporter of a merged ticket get a text at these steps, in the language they chose on the portal (both languages until they choose). Write each message in both languages; placeholders in braces are filled in for each ticket. Confidential requests never name the unit: {unit} becomes “the responsible office”.",
    "am.forbidden": "Only administrators can edit the text messages.",
    "am.loadFailed": "The messages could not be loaded.",
    "am.step.RECEIVED": "Request received",
    "am.step.RECEIVED.when": "Sent when a request arrives by phone, API or another channel (the portal texts the tracking number itself when the citizen asks).",
    "am.step.DISPATCHED": "Request dispatched",
    "am.step.DISPATCHED.when": "Sent when the ticket is dispatched to a unit, with its completion deadline.",
    "am.step.REPLIED": "Unit replied",
    "am.step.REPLIED.when": "Sent when the lead unit replies, with the link to read and rate the reply.",
    "am.step.CLOSED": "Request closed",
    "am.step.CLOSED.when": "Sent when the request is closed after the callback.",
    "am.locale.ZH_CN": "Chinese",
    "am.locale.EN": "English",
    "am.placeholders": "May use: {list}",
    "am.required": "Must contain: {list}",
    "am.ph.number": "{number} tracking number",
    "am.ph.unit": "{unit} the lead unit",
    "am.ph.due": "{due} the completion deadline",
    "am.ph.link": "{link} the page to follow the request",
    "am.isDefault": "Built-in wording",
    "am.updated": "Changed by {name} on {at}",
    "am.save": "Save",
    "am.saving": "Saving…",
    "am.reset": "Restore the built-in wording",
    "am.saved": "Saved. The next texts use this wording.",
    "am.err.UNKNOWN_PLACEHOLDER": "{placeholder} cannot be used in this message. Use only the placeholders listed.",
    "am.err.MISSING_PLACEHOLDER": "This message must contain {placeholder}.",
    "am.err.EMPTY": "Write the message.",
    "am.err.TOO_LONG": "A message may be at most 300 characters.",
    "am.err.UNBALANCED_BRACE": "A brace is not closed. Placeholders are written like {number}.",
    "am.err.INVALID_CHARACTERS": "The message contains characters that cannot be sent.",
  },
  {
    "am.nav": "市民短信模板",
    "am.title": "市民短信模板",
    "am.intro":
      "市民及并单后的每位共同诉求人会在以下环节收到短信，语言按其在网上平台的选择发送（未选择时中英文同发）。请分别填写中文和英文内容；花括号中的占位符会按工单自动填充。保密诉求的短信不显示承办单位名称，{unit} 显示为“相关承办单位”。",
    "am.forbidden": "仅系统管理员可以编辑短信模板。",
    "am.loadFailed": "短信模板加载失败。",
    "am.step.RECEIVED": "诉求受理",
    "am.step.RECEIVED.when": "电话、接口等渠道受理诉求时发送（网上平台提交时按市民选择直接发送受理编号）。",
    "am.step.DISPATCHED": "诉求派单",
    "am.step.DISPATCHED.when": "工单派往承办单位时发送，含办理时限。",
    "am.step.REPLIED": "单位答复",
    "am.step.REPLIED.when": "主办单位答复后发送，含查看和评价答复的链接。",
    "am.step.CLOSED": "诉求办结",
    "am.step.CLOSED.when": "回访后诉求办结时发送。",
    "am.locale.ZH_CN": "中文",
    "am.locale.EN": "英文",
    "am.placeholders": "可用占位符：{list}",
    "am.required": "必须包含：{list}",
    "am.ph.number": "{number} 工单编号",
    "am.ph.unit": "{unit} 主办单位",
    "am.ph.due": "{due} 办理时限",
    "am.ph.link": "{link} 查询进度的网址",
    "am.isDefault": "系统默认内容",
    "am.updated": "{name} 于 {at} 修改",
    "am.save": "保存",
    "am.saving": "正在保存…",
    "am.reset": "恢复默认内容",
    "am.saved": "已保存，之后发送的短信将使用新内容。",
    "am.err.UNKNOWN_PLACEHOLDER": "此短信不能使用 {placeholder}，请只使用列出的占位符。",
    "am.err.MISSING_PLACEHOLDER": "此短信必须包含 {placeholder}。",
    "am.err.EMPTY": "请填写短信内容。",
    "am.err.TOO_LONG": "短信内容不能超过 300 字。",
    "am.err.UNBALANCED_BRACE": "花括号不完整，占位符的写法如 {number}。",
    "am.err.INVALID_CHARACTERS": "短信内容包含无法发送的字符。",
  },
);

export type AdminMessageKey = keyof (typeof adminMessageMessages)["en"];

/**
 * `t()` for this page. Placeholder names in braces that are not variables of the call stay as
 * written (interpolate leaves unknown ones visible), so "{number}" reads as the placeholder itself.
 */
export function useAdminMessageT(): (key: AdminMessageKey, vars?: MessageVars) => string {
  const { language } = useLanguage();
  return useCallback((key: AdminMessageKey, vars?: MessageVars) => interpolate(adminMessageMessages[language][key], vars), [language]);
}
