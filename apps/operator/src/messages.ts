import { defineMessages, useT, type Catalog, type Translate } from "@civicline/ui";
import { callMessages } from "./call/messages.ts";
import { queueMessages } from "./queue/messages.ts";

/** Operator workbench wording (call-takers and dispatchers). */
const baseMessages = defineMessages(
  {
    "app.title": "Intake workbench",
    "nav.queue": "Queue",
    "nav.knowledge": "Knowledge base",
    "nav.myArticles": "My articles",
    "nav.workbench": "Unit workbench",
    "nav.dispatch": "Dispatch",
    "nav.callback": "Callbacks",
    "nav.missedCalls": "Missed calls",
    "app.callbackTitle": "Callback desk",
    "queue.title": "Ticket queue",
    "queue.countLabel": "{count} tickets waiting",
    "queue.showing": "Showing the newest {shown} of {total}.",
    "queue.caption": "Tickets waiting to be handled: emergencies first, then urgent, then normal; newest first within each. Select a row to see the details.",
    "queue.col.trackingNumber": "Tracking no.",
    "queue.col.receivedAt": "Received",
    "queue.col.requestType": "Type",
    "queue.col.category": "Category",
    "queue.col.location": "Location",
    "queue.col.description": "Description",
    "queue.col.status": "Status",
    "queue.col.urgency": "Urgency",
    "queue.empty.body": "New requests will appear here automatically.",
    "queue.new": "New",
    "queue.announceNew": "New ticket {number} received.",
    "queue.liveLost": "Live updates are interrupted. Reconnecting… The list refreshes once the connection is back.",
    "queue.loadFailed": "The queue could not be loaded.",
    "detail.title": "Ticket {number}",
    "detail.close": "Close details",
    "detail.status": "Status",
    "detail.channel": "Channel",
    "detail.requestType": "Request type",
    "detail.urgency": "Urgency",
    "detail.category": "Category",
    "detail.description": "Description",
    "detail.district": "District",
    "detail.township": "Township",
    "detail.address": "Address",
    "detail.citizen": "Citizen",
    "detail.phone": "Phone",
    "detail.receivedAt": "Received",
    "detail.history": "History",
    "detail.noTownship": "Not specified",
    "detail.loadFailed": "The ticket could not be loaded.",
  },
  {
    "app.title": "话务受理工作台",
    "nav.queue": "待办工单",
    "nav.knowledge": "知识库",
    "nav.myArticles": "我的知识",
    "nav.workbench": "办理工作台",
    "nav.dispatch": "派单",
    "nav.callback": "回访任务",
    "nav.missedCalls": "未接来电",
    "app.callbackTitle": "回访工作台",
    "queue.title": "待办工单",
    "queue.countLabel": "共 {count} 件待办工单",
    "queue.showing": "显示最新 {shown} 件，共 {total} 件。",
    "queue.caption": "待处理工单：特急在前，其次紧急、一般；同一紧急程度内按受理时间由新到旧。选择一行可查看详情。",
    "queue.col.trackingNumber": "工单编号",
    "queue.col.receivedAt": "受理时间",
    "queue.col.requestType": "诉求类型",
    "queue.col.category": "诉求分类",
    "queue.col.location": "所属区域",
    "queue.col.description": "诉求内容",
    "queue.col.status": "状态",
    "queue.col.urgency": "紧急程度",
    "queue.empty.body": "新受理的诉求会自动显示在这里，无需刷新。",
    "queue.new": "新",
    "queue.announceNew": "收到新工单 {number}。",
    "queue.liveLost": "实时推送已中断，正在重新连接…… 连接恢复后列表将自动刷新。",
    "queue.loadFailed": "待办工单加载失败。",
    "detail.title": "工单 {number}",
    "detail.close": "关闭详情",
    "detail.status": "状态",
    "detail.channel": "来源渠道",
    "detail.requestType": "诉求类型",
    "detail.urgency": "紧急程度",
    "detail.category": "诉求分类",
    "detail.description": "诉求内容",
    "detail.district": "所在区县",
    "detail.township": "所在镇街",
    "detail.address": "详细地址",
    "detail.citizen": "诉求人",
    "detail.phone": "联系电话",
    "detail.receivedAt": "受理时间",
    "detail.history": "办理记录",
    "detail.noTownship": "未填写",
    "detail.loadFailed": "工单详情加载失败。",
  },
);

function mergeCatalogs<A extends string, B extends string, C extends string>(a: Catalog<A>, b: Catalog<B>, c: Catalog<C>): Catalog<A | B | C> {
  return { en: { ...a.en, ...b.en, ...c.en }, "zh-CN": { ...a["zh-CN"], ...b["zh-CN"], ...c["zh-CN"] } };
}

/** All of the app's own wording: the base above, the queues, the call screen. */
export const operatorMessages = mergeCatalogs(baseMessages, queueMessages, callMessages);

export type OperatorMessageKey = keyof (typeof operatorMessages)["en"];

export function useOperatorT(): Translate<OperatorMessageKey> {
  return useT<OperatorMessageKey>();
}
