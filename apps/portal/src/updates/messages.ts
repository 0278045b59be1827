import { defineMessages, interpolate, useLanguage, type MessageVars } from "@civicline/ui";
import { useCallback } from "react";

/** Wording of what a citizen does with an opened request besides reading it: add to it, choose their texts. */
export const updatesMessages = defineMessages(
  {
    "add.title": "Add to your request",
    "add.intro": "Something new, or a detail you forgot? Write it here or add photos; the office handling your request sees it first.",
    "add.message": "Your message",
    "add.message.hint": "Up to 2,000 characters. Do not repeat your whole request.",
    "add.submit": "Send",
    "add.sending": "Sending…",
    "add.sent": "Sent. The office handling your request has been shown what you added.",
    "add.nothing": "Write a message or add a photo.",
    "add.tooLong": "Write at most 2,000 characters.",
    "add.closed": "This request is closed, so nothing can be added to it. If the problem is back, submit a new request.",
    "add.photoRejected": "A photo could not be attached; remove it and add it again.",
    "add.previous": "What you added",
    "add.photoCount": "{count} photo(s)",
    "add.closedNote": "Your request is closed. If the problem is back, submit a new request.",
    "texts.title": "Text messages",
    "texts.intro": "We text you when your request is dispatched, when the office replies and when it is closed.",
    "texts.receive": "Send me text messages about my requests",
    "texts.language": "Language of the texts",
    "texts.both": "Chinese and English",
    "texts.zh": "中文",
    "texts.en": "English",
    "texts.save": "Save",
    "texts.saving": "Saving…",
    "texts.saved": "Saved. This applies to every request filed with this phone number.",
    "texts.off": "You will get no more progress texts. Codes you ask for to open a request are still sent.",
  },
  {
    "add.title": "补充诉求",
    "add.intro": "有新情况或遗漏的细节？请在此补充文字或照片，承办单位会优先看到。",
    "add.message": "补充内容",
    "add.message.hint": "不超过 2000 字，无需重复原诉求。",
    "add.submit": "提交补充",
    "add.sending": "正在提交…",
    "add.sent": "已提交，承办单位会看到您补充的内容。",
    "add.nothing": "请填写补充内容或添加照片。",
    "add.tooLong": "补充内容不能超过 2000 字。",
    "add.closed": "该诉求已办结，不能再补充。如问题再次出现，请提交新的诉求。",
    "add.photoRejected": "有照片未能添加，请删除后重新添加。",
    "add.previous": "您补充过的内容",
    "add.photoCount": "照片 {count} 张",
    "add.closedNote": "该诉求已办结。如问题再次出现，请提交新的诉求。",
    "texts.title": "短信通知",
    "texts.intro": "诉求派单、承办单位答复和办结时，我们会给您发送短信。",
    "texts.receive": "接收诉求办理进度短信",
    "texts.language": "短信语言",
    "texts.both": "中文和英文",
    "texts.zh": "中文",
    "texts.en": "English",
    "texts.save": "保存",
    "texts.saving": "正在保存…",
    "texts.saved": "已保存，对使用该手机号提交的所有诉求有效。",
    "texts.off": "您将不再收到进度短信；查询诉求时申请的验证码仍会发送。",
  },
);

export type UpdatesKey = keyof (typeof updatesMessages)["en"];

/** `t()` for the updates wording in the current language. */
export function useUpdatesT(): (key: UpdatesKey, vars?: MessageVars) => string {
  const { language } = useLanguage();
  return useCallback((key: UpdatesKey, vars?: MessageVars) => interpolate(updatesMessages[language][key], vars), [language]);
}
