import { defineMessages, errorCode, useRoutingErrorMessage, useRoutingT, type RoutingMessageKey, type Translate } from "@civicline/ui";
import { useCallback } from "react";

/** Wording of the supervision orders (督办单) at the top of the unit's workbench. */
export const unitOrderMessages = defineMessages(
  {
    "uo.title": "Supervision orders to answer",
    "uo.intro": "The centre supervises these tickets. Answer each by its deadline — what was done and when it will be finished — or it rises one level by itself.",
    "uo.count": "{count} orders",
    "uo.ticket": "Ticket {trackingNumber}",
    "uo.level": "Level",
    "uo.due": "Answer by {at}",
    "uo.overdue": "Past due",
    "uo.reason": "Reason",
    "uo.issuedBy": "Issued by {name} on {at}",
    "uo.system": "the system (ticket overdue)",
    "uo.sentBack": "Sent back {count} times: answer again.",
    "uo.answered": "Answered on {at}; waiting for the supervisor.",
    "uo.answer": "Answer",
    "uo.answer.title": "Answer the order for {trackingNumber}",
    "uo.answer.text": "What was done",
    "uo.answer.textHint": "4 to 2,000 characters.",
    "uo.answer.done": "When it will be finished",
    "uo.answer.submit": "Send the answer",
    "uo.answer.cancel": "Cancel",
    "uo.answer.sent": "Your answer was sent to the supervisor.",
    "uo.answer.needDate": "Choose the date it will be finished.",
    "uo.loadFailed": "The supervision orders could not be loaded.",
    "uo.error.SUPERVISION/NOT_YOUR_UNIT": "This order is addressed to another unit.",
    "uo.error.SUPERVISION/ORDER_NOT_FOUND": "This supervision order does not exist.",
    "uo.error.SUPERVISION/INVALID_TRANSITION": "This order was already answered or changed; the list was reloaded.",
  },
  {
    "uo.title": "待回复的督办单",
    "uo.intro": "以下工单正在被督办。请在期限内逐一回复已采取的措施和预计办结时间，逾期未回复将自动升级。",
    "uo.count": "{count} 件督办单",
    "uo.ticket": "工单 {trackingNumber}",
    "uo.level": "级别",
    "uo.due": "请于 {at} 前回复",
    "uo.overdue": "已逾期",
    "uo.reason": "督办事由",
    "uo.issuedBy": "{name} 于 {at} 下发",
    "uo.system": "系统（工单超期）",
    "uo.sentBack": "已退回 {count} 次，请重新回复。",
    "uo.answered": "已于 {at} 回复，等待督办员审核。",
    "uo.answer": "回复",
    "uo.answer.title": "回复 {trackingNumber} 的督办单",
    "uo.answer.text": "已采取的措施",
    "uo.answer.textHint": "4 至 2000 字。",
    "uo.answer.done": "预计办结日期",
    "uo.answer.submit": "提交回复",
    "uo.answer.cancel": "取消",
    "uo.answer.sent": "回复已提交督办员。",
    "uo.answer.needDate": "请选择预计办结日期。",
    "uo.loadFailed": "督办单加载失败。",
    "uo.error.SUPERVISION/NOT_YOUR_UNIT": "该督办单发给的是其他单位。",
    "uo.error.SUPERVISION/ORDER_NOT_FOUND": "该督办单不存在。",
    "uo.error.SUPERVISION/INVALID_TRANSITION": "该督办单已回复或已变更，列表已刷新。",
  },
);

export type UnitOrderKey = keyof (typeof unitOrderMessages)["en"];

export function useUnitOrderT(): Translate<UnitOrderKey | RoutingMessageKey> {
  return useRoutingT(unitOrderMessages);
}

/** `(error) => message`: order codes first, then routing and the shared wording. */
export function useUnitOrderErrorMessage(): (error: unknown) => string | undefined {
  const t = useUnitOrderT();
  const shared = useRoutingErrorMessage();
  return useCallback(
    (error: unknown) => {
      const key = `uo.error.${errorCode(error) ?? ""}`;
      return key in unitOrderMessages.en ? t(key as UnitOrderKey) : shared(error);
    },
    [t, shared],
  );
}
