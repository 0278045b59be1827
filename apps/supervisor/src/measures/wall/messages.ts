import { defineMessages, useRoutingT, type RoutingMessageKey, type Translate } from "@civicline/ui";

/** Wording of the wallboard (大屏). */
export const wallMessages = defineMessages(
  {
    "wall.nav": "Wallboard",
    "wall.title": "12345 Hotline — today",
    "wall.received": "Received today",
    "wall.answeredOnSpot": "Answered on the spot",
    "wall.dispatched": "Dispatched today",
    "wall.overdue": "Overdue now",
    "wall.nearDue": "Near due now",
    "wall.callbacks": "Callbacks waiting",
    "wall.resultSatisfaction": "Result satisfaction, {month}",
    "wall.processSatisfaction": "Process satisfaction, {month}",
    "wall.ratio": "{numerator} of {denominator} answers",
    "wall.hot": "Top hot issues",
    "wall.hot.none": "No hot issue now.",
    "wall.hot.count": "{count} tickets",
    "wall.live": "Live",
    "wall.reconnecting": "Connection lost — reconnecting by itself…",
    "wall.updated": "Updated {time}",
    "wall.fullscreen": "Full screen",
    "wall.exitFullscreen": "Leave full screen",
    "wall.back": "Back to the dashboard",
    "wall.loadFailed": "The wallboard could not be loaded; it tries again by itself.",
    "wall.forbidden": "Your account may not open the wallboard.",
    "wall.announce": "Received today: {count}.",
  },
  {
    "wall.nav": "大屏",
    "wall.title": "12345 热线 · 今日",
    "wall.received": "今日受理",
    "wall.answeredOnSpot": "当场办结",
    "wall.dispatched": "今日派单",
    "wall.overdue": "当前超期",
    "wall.nearDue": "当前临期",
    "wall.callbacks": "待回访",
    "wall.resultSatisfaction": "{month} 办理结果满意率",
    "wall.processSatisfaction": "{month} 服务过程满意率",
    "wall.ratio": "{numerator} / {denominator} 份回访",
    "wall.hot": "热点问题",
    "wall.hot.none": "目前没有热点问题。",
    "wall.hot.count": "{count} 件",
    "wall.live": "实时",
    "wall.reconnecting": "连接中断，正在自动重连…",
    "wall.updated": "更新于 {time}",
    "wall.fullscreen": "全屏",
    "wall.exitFullscreen": "退出全屏",
    "wall.back": "返回数据看板",
    "wall.loadFailed": "大屏数据加载失败，将自动重试。",
    "wall.forbidden": "您的账号无权打开大屏。",
    "wall.announce": "今日受理 {count} 件。",
  },
);

export type WallMessageKey = keyof (typeof wallMessages)["en"];

export function useWallT(): Translate<WallMessageKey | RoutingMessageKey> {
  return useRoutingT(wallMessages);
}
