import { defineMessages, interpolate, useLanguage, type MessageVars } from "@civicline/ui";
import { useCallback } from "react";

/** Wording of what citizens added to their requests (市民补充), at the top of the unit's workbench. */
export const additionMessages = defineMessages(
  {
    "ca.title": "Citizens added to their requests",
    "ca.intro": "The citizen wrote again or sent photos through the portal. Read it before you go on with the ticket; it is also in the ticket's timeline.",
    "ca.ticket": "Ticket {trackingNumber}",
    "ca.at": "Added {at}",
    "ca.photosOnly": "Photos only, no message.",
    "ca.photos": "Photos",
    "ca.photo": "Photo {n}: {name}",
    "ca.open": "Open the ticket",
    "ca.read": "Mark as read",
    "ca.readDone": "Marked as read; it stays in the ticket's timeline.",
    "ca.loadFailed": "What citizens added could not be loaded.",
  },
  {
    "ca.title": "市民补充",
    "ca.intro": "市民通过网上平台补充了文字或照片，请先阅读再继续办理；补充内容同时记入工单办理记录。",
    "ca.ticket": "工单 {trackingNumber}",
    "ca.at": "补充时间 {at}",
    "ca.photosOnly": "仅补充了照片。",
    "ca.photos": "照片",
    "ca.photo": "照片 {n}：{name}",
    "ca.open": "打开工单",
    "ca.read": "标记为已读",
    "ca.readDone": "已标记为已读，补充内容仍保留在办理记录中。",
    "ca.loadFailed": "市民补充内容加载失败。",
  },
);

export type AdditionKey = keyof (typeof additionMessages)["en"];

/** `t()` for the additions panel in the current language. */
export function useAdditionT(): (key: AdditionKey, vars?: MessageVars) => string {
  const { language } = useLanguage();
  return useCallback((key: AdditionKey, vars?: MessageVars) => interpolate(additionMessages[language][key], vars), [language]);
}
