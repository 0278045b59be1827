import { defineMessages } from "../i18n/catalog.ts";

/**
 * The bell's wording and every notification's message keys (the server stores keys and
 * parameters, so each person reads a notification in their own language).
 */
export const notificationMessages = defineMessages(
  {
    "notify.bell": "Notifications",
    "notify.bell.unread": "Notifications, {count} unread",
    "notify.title": "Notifications",
    "notify.empty": "No notifications yet.",
    "notify.markAllRead": "Mark all as read",
    "notify.unreadLabel": "Unread",
    "notify.loadFailed": "Notifications could not be loaded.",
    "notify.knowledge.reviewWaiting": "“{title}” (version {version}) is waiting for your review",
    "notify.knowledge.approved": "“{title}” (version {version}) was approved by {reviewer} and is now in force",
    "notify.knowledge.sentBack": "“{title}” (version {version}) was sent back by {reviewer}",
    "notify.knowledge.urgentApproved": "{reviewer} put a correction of “{title}” in force at once (version {version})",
    "notify.knowledge.expiring": "“{title}” expires on {expiresOn}: check whether it is still correct",
    "notify.knowledge.comment": "Note: {comment}",
    "notify.supervision.waiting": "A supervision order for ticket {trackingNumber} waits for your unit's answer",
    "notify.supervision.listed": "Ticket {trackingNumber} is now under listed supervision (挂牌督办), reported to the leadership",
    "notify.qa.scored": "Your call of {day} was scored {total} by {inspector}",
    "notify.qa.appealFiled": "{callTaker} appealed a QA score ({total}): decide it",
    "notify.qa.appealUpheld": "{lead} upheld your appeal: the score is now {total}",
    "notify.qa.appealRejected": "{lead} rejected your appeal: the score stays {total}",
    "notify.unknown": "A notification",
  },
  {
    "notify.bell": "通知",
    "notify.bell.unread": "通知，{count} 条未读",
    "notify.title": "通知",
    "notify.empty": "暂无通知。",
    "notify.markAllRead": "全部标为已读",
    "notify.unreadLabel": "未读",
    "notify.loadFailed": "通知加载失败。",
    "notify.knowledge.reviewWaiting": "“{title}”（第 {version} 版）等待您审核",
    "notify.knowledge.approved": "“{title}”（第 {version} 版）已由 {reviewer} 审核通过，现已生效",
    "notify.knowledge.sentBack": "“{title}”（第 {version} 版）被 {reviewer} 退回修改",
    "notify.knowledge.urgentApproved": "{reviewer} 已将“{title}”的更正立即生效（第 {version} 版）",
    "notify.knowledge.expiring": "“{title}”将于 {expiresOn} 到期，请核实内容是否仍然有效",
    "notify.knowledge.comment": "意见：{comment}",
    "notify.supervision.waiting": "工单 {trackingNumber} 有督办单待本单位回复",
    "notify.supervision.listed": "工单 {trackingNumber} 已挂牌督办，报领导阅知",
    "notify.qa.scored": "您 {day} 的通话已由 {inspector} 质检评分：{total} 分",
    "notify.qa.appealFiled": "{callTaker} 对质检评分（{total} 分）提出申诉，请裁定",
    "notify.qa.appealUpheld": "{lead} 裁定您的申诉成立，评分改为 {total} 分",
    "notify.qa.appealRejected": "{lead} 驳回了您的申诉，评分维持 {total} 分",
    "notify.unknown": "一条通知",
  },
);
