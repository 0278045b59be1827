import { defineMessages, useT, type Translate } from "@civicline/ui";

/** Supervisor console wording (supervisors and leaders). */
export const supervisorMessages = defineMessages(
  {
    "app.title": "Supervision",
    "nav.overview": "Overview",
    "overview.title": "Overview",
    "overview.waiting": "Tickets waiting",
    "overview.waitingHint": "Received and not yet handled. Updates live.",
    "overview.recent": "Latest tickets in the queue",
    "overview.recentEmpty.title": "The queue is empty",
    "overview.recentEmpty.body": "New requests will appear here as soon as they are received.",
    "overview.loadFailed": "The queue could not be loaded.",
    "overview.liveLost": "Live updates are interrupted. Reconnecting…",
    "overview.announceNew": "New ticket {number} received.",
    "analytics.title": "Performance indicators",
    "analytics.pending.title": "Indicators arrive with the supervision module",
    "analytics.pending.body": "Volume, direct-handling rate, on-time completion rate, average handling time and satisfaction will be computed here from real tickets once the supervision module is in place. Until then this page shows only live queue figures.",
    "col.trackingNumber": "Tracking no.",
    "col.receivedAt": "Received",
    "col.requestType": "Type",
    "col.category": "Category",
    "col.district": "District",
    "col.status": "Status",
    "col.urgency": "Urgency",
  },
  {
    "app.title": "督办管理平台",
    "nav.overview": "总览",
    "overview.title": "工作总览",
    "overview.waiting": "待办工单",
    "overview.waitingHint": "已受理、尚未处理的工单，实时更新。",
    "overview.recent": "最新待办工单",
    "overview.recentEmpty.title": "暂无待办工单",
    "overview.recentEmpty.body": "新受理的诉求会第一时间显示在这里。",
    "overview.loadFailed": "待办工单加载失败。",
    "overview.liveLost": "实时推送已中断，正在重新连接……",
    "overview.announceNew": "收到新工单 {number}。",
    "analytics.title": "考核指标",
    "analytics.pending.title": "统计指标将随督办模块上线",
    "analytics.pending.body": "受理量、直办率、按期办结率、平均办理时长和满意率等指标，将在督办模块上线后根据实际工单计算并在此展示。目前本页仅显示实时待办数据。",
    "col.trackingNumber": "工单编号",
    "col.receivedAt": "受理时间",
    "col.requestType": "诉求类型",
    "col.category": "诉求分类",
    "col.district": "所在区县",
    "col.status": "状态",
    "col.urgency": "紧急程度",
  },
);

export type SupervisorMessageKey = keyof (typeof supervisorMessages)["en"];

export function useSupervisorT(): Translate<SupervisorMessageKey> {
  return useT<SupervisorMessageKey>();
}
