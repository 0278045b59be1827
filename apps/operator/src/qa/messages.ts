import { defineMessages, errorCode, useErrorMessage, useRoutingT, type RoutingMessageKey, type Translate } from "@civicline/ui";
import { useCallback } from "react";

/** Wording of the call-taker's own QA results (我的质检) in the operator console. */
export const myQaMessages = defineMessages(
  {
    "mq.title": "My QA results (质检结果)",
    "mq.intro": "Scores QA inspectors gave to your sampled calls, newest first, with their comments. If you disagree with a score you may appeal it once, with a reason, within the appeal window; your team lead decides.",
    "mq.forbidden": "Only call-takers have QA results.",
    "mq.loadFailed": "Your QA results could not be loaded.",
    "mq.empty.title": "No scored calls yet",
    "mq.empty.body": "Every working day some of your calls of the day before are sampled and scored; their results appear here.",
    "mq.summary": "{count} scored calls · average {average}",
    "mq.call": "Call of {at}",
    "mq.total": "Score",
    "mq.totalValue": "{total} / 100",
    "mq.form": "Form {name} v{version} · scored by {name2} on {at}",
    "mq.critical": "Critical error: {errors}. The score is 0.",
    "mq.caption": "Points per criterion, deductions and the inspector's comments.",
    "mq.col.criterion": "Criterion",
    "mq.col.points": "Points",
    "mq.col.deductions": "Deductions",
    "mq.col.comment": "Comment",
    "mq.deduction": "{label} (−{points})",
    "mq.comment": "Overall comment:",
    "mq.details.show": "Show the details",
    "mq.history": "Score versions",
    "mq.history.item": "v{version} · {reason} · {total} / 100 · {at}",
    "mq.appeal.title": "Appeal this score",
    "mq.appeal.open": "Appeal this score…",
    "mq.appeal.cancel": "Cancel",
    "mq.appeal.until": "You may appeal until {at}, once.",
    "mq.appeal.closed": "The appeal window closed on {at}.",
    "mq.appeal.reason": "Why the score is wrong",
    "mq.appeal.reasonHint": "What the inspector missed; your team lead reads it with the recording. Up to 1,000 characters.",
    "mq.appeal.submit": "Send the appeal",
    "mq.appeal.sent": "Your appeal was sent to your team lead.",
    "mq.appeal.required": "Give the reason for your appeal.",
    "mq.appeal.state": "Appeal: {state}",
    "mq.appeal.yourReason": "Your reason:",
    "mq.appeal.decision": "Decision by {name} on {at}",
    "mq.appeal.note": "lead's note: ",
    "mq.error.QA/APPEAL_EXISTS": "You have already appealed this score; a score can be appealed once.",
    "mq.error.QA/APPEAL_WINDOW_CLOSED": "The appeal window for this score has closed.",
    "mq.error.QA/NOT_YOUR_CALL": "This is not your call.",
    "mq.error.QA/INSPECTION_NOT_FOUND": "This score does not exist.",
  },
  {
    "mq.title": "我的质检结果",
    "mq.intro": "质检员对您被抽检通话的评分及评语，最新的在前。如对评分有异议，可在申诉期限内申诉一次并说明理由，由您的组长裁定。",
    "mq.forbidden": "只有话务员有质检结果。",
    "mq.loadFailed": "您的质检结果加载失败。",
    "mq.empty.title": "暂无评分记录",
    "mq.empty.body": "每个工作日会抽检您前一天的部分通话并评分，结果将显示在这里。",
    "mq.summary": "已评分 {count} 通 · 平均 {average} 分",
    "mq.call": "{at} 的通话",
    "mq.total": "得分",
    "mq.totalValue": "{total} / 100",
    "mq.form": "评分表 {name} 第 {version} 版 · {name2} 于 {at} 评分",
    "mq.critical": "严重差错：{errors}。得分为 0。",
    "mq.caption": "各评分项的得分、扣分及质检员评语。",
    "mq.col.criterion": "评分项",
    "mq.col.points": "得分",
    "mq.col.deductions": "扣分项",
    "mq.col.comment": "评语",
    "mq.deduction": "{label}（−{points}）",
    "mq.comment": "总体评语：",
    "mq.details.show": "查看详情",
    "mq.history": "评分版本",
    "mq.history.item": "第 {version} 版 · {reason} · {total} / 100 · {at}",
    "mq.appeal.title": "对此评分申诉",
    "mq.appeal.open": "申诉此评分…",
    "mq.appeal.cancel": "取消",
    "mq.appeal.until": "可在 {at} 前申诉，仅限一次。",
    "mq.appeal.closed": "申诉期限已于 {at} 截止。",
    "mq.appeal.reason": "申诉理由",
    "mq.appeal.reasonHint": "说明质检员遗漏了什么；组长会结合录音阅读。最多 1000 字。",
    "mq.appeal.submit": "提交申诉",
    "mq.appeal.sent": "申诉已提交给您的组长。",
    "mq.appeal.required": "请填写申诉理由。",
    "mq.appeal.state": "申诉：{state}",
    "mq.appeal.yourReason": "您的理由：",
    "mq.appeal.decision": "{name} 于 {at} 裁定",
    "mq.appeal.note": "组长意见：",
    "mq.error.QA/APPEAL_EXISTS": "您已对此评分申诉过；每次评分只能申诉一次。",
    "mq.error.QA/APPEAL_WINDOW_CLOSED": "此评分的申诉期限已过。",
    "mq.error.QA/NOT_YOUR_CALL": "这不是您的通话。",
    "mq.error.QA/INSPECTION_NOT_FOUND": "该评分不存在。",
  },
);

export type MyQaKey = keyof (typeof myQaMessages)["en"];

/** `t()` for the call-taker's QA page: its wording, then the shared wording. */
export function useMyQaT(): Translate<MyQaKey | RoutingMessageKey> {
  return useRoutingT(myQaMessages);
}

/** `(error) => message`: QA appeal codes first, then the shared wording. */
export function useMyQaErrorMessage(): (error: unknown) => string | undefined {
  const t = useMyQaT();
  const shared = useErrorMessage();
  return useCallback(
    (error: unknown) => {
      const key = `mq.error.${errorCode(error) ?? ""}`;
      return key in myQaMessages.en ? t(key as MyQaKey) : shared(error);
    },
    [t, shared],
  );
}
