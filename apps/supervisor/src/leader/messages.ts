import { defineMessages, errorCode, fieldErrors, graphQLErrors, useErrorMessage, useRoutingT, type RoutingMessageKey, type Translate } from "@civicline/ui";
import { useCallback } from "react";

/** Wording of the leader's page, the session schedule and the assign-to-leader forms. */
export const leaderMessages = defineMessages(
  {
    "ld.nav.page": "My page",
    "ld.nav.sessions": "Leader sessions",
    "ld.page.title": "My sessions and cases",
    "ld.page.intro": "Tickets you took at the hotline seat and the cases assigned to you (领导包案), with where each stands. Add an instruction (批示) to any of them: the unit handling it sees it first.",
    "ld.page.loadFailed": "Your page could not be loaded.",
    "ld.page.liveLost": "Live updates are interrupted. Reconnecting…",
    "ld.matters.title": "Cases assigned to me",
    "ld.matters.empty.title": "No cases assigned to you yet",
    "ld.matters.empty.body": "When a supervisor assigns you a ticket or a hot issue, it appears here with its deadline and outcome.",
    "ld.matter.assigned": "Assigned by {by} on {at}",
    "ld.matter.due": "Resolve by {at}",
    "ld.matter.note": "Note: {note}",
    "ld.sessionTickets.title": "Calls I took",
    "ld.sessionTickets.empty.title": "No calls taken in your sessions yet",
    "ld.sessionTickets.empty.body": "Tickets the call-taker logs at your seat during a session appear here.",
    "ld.sessions.title": "My sessions",
    "ld.sessions.empty": "No sessions scheduled. A supervisor schedules them.",
    "ld.session.line": "{start} – {end} · seat {seat} · {title}, {unit}",
    "ld.col.trackingNumber": "Tracking no.",
    "ld.col.summary": "Request",
    "ld.col.status": "Status",
    "ld.col.unit": "Lead unit",
    "ld.col.due": "Deadline",
    "ld.col.outcome": "Outcome",
    "ld.col.instruct": "Instruction",
    "ld.overdue": "Overdue",
    "ld.notDispatched": "Not dispatched yet",
    "ld.noOutcome": "Not replied yet",
    "ld.instructions": "{count} instructions",
    "ld.instruct.open": "Add instruction",
    "ld.instruct.openFor": "Add an instruction to {number}",
    "ld.instruct.label": "Instruction for {number}",
    "ld.instruct.hint": "The unit handling the ticket sees it at the top of the ticket. 2 to 1,000 characters.",
    "ld.instruct.submit": "Send instruction",
    "ld.instruct.cancel": "Cancel",
    "ld.instruct.done": "Your instruction on {number} was sent to the unit.",
    "ld.sched.title": "Leader sessions (领导坐班接听)",
    "ld.sched.intro": "Schedule when a leader takes calls at a seat. Tickets the call-taker at that seat logs during the session are marked as taken by the leader.",
    "ld.sched.week": "Week of {date}",
    "ld.sched.prev": "Previous week",
    "ld.sched.next": "Next week",
    "ld.sched.thisWeek": "This week",
    "ld.sched.empty": "No session",
    "ld.sched.tickets": "calls taken: {count}",
    "ld.sched.loadFailed": "The sessions could not be loaded.",
    "ld.form.title": "Schedule a session",
    "ld.form.leader": "Leader",
    "ld.form.seat": "Seat",
    "ld.form.seatHint": "The call-taker's seat, e.g. A01.",
    "ld.form.date": "Date",
    "ld.form.start": "Starts at",
    "ld.form.end": "Ends at",
    "ld.form.leaderTitle": "Leader's title",
    "ld.form.leaderTitleHint": "e.g. 张店区区长",
    "ld.form.leaderUnit": "Leader's unit",
    "ld.form.submit": "Schedule session",
    "ld.form.done": "The session was scheduled.",
    "ld.assign.title": "Assign to a leader (领导包案)",
    "ld.assign.intro": "Assign one ticket, or a hot issue with several tickets, to a leader, who follows it to its outcome.",
    "ld.assign.numbers": "Tracking numbers",
    "ld.assign.numbersHint": "One or more, separated by spaces, commas or new lines.",
    "ld.assign.hotIssue": "Hot issue name",
    "ld.assign.hotIssueHint": "Required for several tickets.",
    "ld.assign.note": "Note for the leader",
    "ld.assign.due": "Resolve by",
    "ld.assign.submit": "Assign to leader",
    "ld.assign.done": "Assigned to {leader}: {numbers}.",
    "ld.noLeaders": "There is no leader account yet; an administrator creates one.",
    "ld.panel.title": "Leader",
    "ld.panel.none": "Not assigned to a leader.",
    "ld.panel.assignedTo": "Assigned to {leader} by {by} on {at}",
    "ld.panel.instructions": "Leader's instructions (批示)",
    "ld.panel.noInstructions": "No instructions yet.",
    "ld.instruction.by": "{name} {title} · {at}",
    "ld.forbidden": "Your account may not open this page.",
    "ld.error.SUPERVISION/NOT_A_LEADER": "Choose a leader account from the list.",
    "ld.error.SUPERVISION/SEAT_BUSY": "Another session at this seat overlaps this time; choose another time or seat.",
    "ld.error.SUPERVISION/UNKNOWN_SEAT": "No call-taker is assigned to this seat.",
    "ld.error.SUPERVISION/TICKET_NOT_FOUND": "A tracking number was not found; check it.",
    "ld.error.SUPERVISION/NOT_YOUR_TICKET": "This ticket is not among your calls or cases.",
    "ld.error.SUPERVISION/ALREADY_ASSIGNED": "A ticket is already assigned to this leader.",
    "ld.field.BEFORE_START": "The end must be after the start.",
    "ld.field.IN_THE_PAST": "Choose a time from now on.",
    "ld.field.CONFLICT": "Overlaps another session at this seat.",
  },
  {
    "ld.nav.page": "我的坐班与包案",
    "ld.nav.sessions": "领导坐班",
    "ld.page.title": "我的坐班与包案",
    "ld.page.intro": "您在热线座席接听的来电和督办员交给您包案的事项，以及每件的办理进展。可对任何一件作出批示，承办单位会在工单最上方首先看到。",
    "ld.page.loadFailed": "页面加载失败。",
    "ld.page.liveLost": "实时更新已中断，正在重新连接…",
    "ld.matters.title": "我包案的事项",
    "ld.matters.empty.title": "暂无包案事项",
    "ld.matters.empty.body": "督办员把工单或热点问题交给您包案后，会在这里显示期限和办理结果。",
    "ld.matter.assigned": "{by} 于 {at} 交办",
    "ld.matter.due": "要求 {at} 前办结",
    "ld.matter.note": "说明：{note}",
    "ld.sessionTickets.title": "我接听的来电",
    "ld.sessionTickets.empty.title": "坐班期间暂无来电工单",
    "ld.sessionTickets.empty.body": "坐班期间话务员在您的座席登记的工单会显示在这里。",
    "ld.sessions.title": "我的坐班安排",
    "ld.sessions.empty": "暂无坐班安排，由督办员安排。",
    "ld.session.line": "{start} – {end} · 座席 {seat} · {title}（{unit}）",
    "ld.col.trackingNumber": "工单编号",
    "ld.col.summary": "诉求",
    "ld.col.status": "状态",
    "ld.col.unit": "承办单位",
    "ld.col.due": "办理期限",
    "ld.col.outcome": "办理结果",
    "ld.col.instruct": "批示",
    "ld.overdue": "已超期",
    "ld.notDispatched": "尚未派单",
    "ld.noOutcome": "尚未答复",
    "ld.instructions": "已批示 {count} 次",
    "ld.instruct.open": "批示",
    "ld.instruct.openFor": "对 {number} 作出批示",
    "ld.instruct.label": "对 {number} 的批示",
    "ld.instruct.hint": "承办单位会在工单最上方看到。2 至 1000 字。",
    "ld.instruct.submit": "发送批示",
    "ld.instruct.cancel": "取消",
    "ld.instruct.done": "您对 {number} 的批示已送达承办单位。",
    "ld.sched.title": "领导坐班接听",
    "ld.sched.intro": "安排领导在某个座席接听来电的时段。坐班期间该座席话务员登记的工单标记为领导接听。",
    "ld.sched.week": "{date} 起的一周",
    "ld.sched.prev": "上一周",
    "ld.sched.next": "下一周",
    "ld.sched.thisWeek": "本周",
    "ld.sched.empty": "无坐班",
    "ld.sched.tickets": "接听 {count} 件",
    "ld.sched.loadFailed": "坐班安排加载失败。",
    "ld.form.title": "安排坐班",
    "ld.form.leader": "领导",
    "ld.form.seat": "座席",
    "ld.form.seatHint": "话务员的座席号，例如 A01。",
    "ld.form.date": "日期",
    "ld.form.start": "开始时间",
    "ld.form.end": "结束时间",
    "ld.form.leaderTitle": "领导职务",
    "ld.form.leaderTitleHint": "例如：张店区区长",
    "ld.form.leaderUnit": "领导所在单位",
    "ld.form.submit": "安排坐班",
    "ld.form.done": "坐班已安排。",
    "ld.assign.title": "领导包案",
    "ld.assign.intro": "把一件工单或包含多件工单的热点问题交给领导包案，跟踪到办结。",
    "ld.assign.numbers": "工单编号",
    "ld.assign.numbersHint": "可填写多个，用空格、逗号或换行分隔。",
    "ld.assign.hotIssue": "热点问题名称",
    "ld.assign.hotIssueHint": "多件工单时必填。",
    "ld.assign.note": "给领导的说明",
    "ld.assign.due": "要求办结日期",
    "ld.assign.submit": "交领导包案",
    "ld.assign.done": "已交 {leader} 包案：{numbers}。",
    "ld.noLeaders": "还没有领导账号，请管理员创建。",
    "ld.panel.title": "领导包案与批示",
    "ld.panel.none": "尚未交领导包案。",
    "ld.panel.assignedTo": "{by} 于 {at} 交 {leader} 包案",
    "ld.panel.instructions": "领导批示",
    "ld.panel.noInstructions": "暂无批示。",
    "ld.instruction.by": "{name} {title} · {at}",
    "ld.forbidden": "您的账号无权访问此页面。",
    "ld.error.SUPERVISION/NOT_A_LEADER": "请从列表中选择领导账号。",
    "ld.error.SUPERVISION/SEAT_BUSY": "该座席此时段已有其他坐班安排，请换一个时段或座席。",
    "ld.error.SUPERVISION/UNKNOWN_SEAT": "该座席没有话务员。",
    "ld.error.SUPERVISION/TICKET_NOT_FOUND": "有工单编号不存在，请核对。",
    "ld.error.SUPERVISION/NOT_YOUR_TICKET": "该工单不在您的来电或包案事项中。",
    "ld.error.SUPERVISION/ALREADY_ASSIGNED": "有工单已交该领导包案。",
    "ld.field.BEFORE_START": "结束时间必须晚于开始时间。",
    "ld.field.IN_THE_PAST": "请选择现在以后的时间。",
    "ld.field.CONFLICT": "与该座席的其他坐班时段重叠。",
  },
);

export type LeaderMessageKey = keyof (typeof leaderMessages)["en"];

/** `t()` for the leader pages: their wording, then the shared routing and UI wording. */
export function useLeaderT(): Translate<LeaderMessageKey | RoutingMessageKey> {
  return useRoutingT(leaderMessages);
}

const LEADER_CODES = new Set(Object.keys(leaderMessages.en).filter((key) => key.startsWith("ld.error.")).map((key) => key.slice("ld.error.".length)));
const FIELD_CODES = new Set(["BEFORE_START", "IN_THE_PAST", "CONFLICT"]);
const UI_FIELD_CODES = new Set(["REQUIRED", "TOO_SHORT", "TOO_LONG", "INVALID_FORMAT", "INVALID_CHARACTERS", "UNKNOWN"]);

/** An error worded in the UI language: the leader codes here, the others as the shared UI words them. */
export function useLeaderErrors(): { message: (error: unknown) => string | undefined; fields: (error: unknown) => Record<string, string> } {
  const t = useLeaderT();
  const shared = useErrorMessage();
  const message = useCallback(
    (error: unknown) => {
      const code = errorCode(error);
      return code && LEADER_CODES.has(code) ? t(`ld.error.${code}` as LeaderMessageKey) : shared(error);
    },
    [t, shared],
  );
  const fields = useCallback(
    (error: unknown) =>
      fieldErrors(
        error,
        (entry) => {
          if (entry.code && FIELD_CODES.has(entry.code)) {
            return t(`ld.field.${entry.code}` as LeaderMessageKey);
          }
          return entry.code && UI_FIELD_CODES.has(entry.code) ? t(`field.${entry.code}` as RoutingMessageKey) : undefined;
        },
        ["BAD_USER_INPUT", ...LEADER_CODES],
      ),
    [t],
  );
  return { message, fields };
}

/** Whether an error carries field errors (so a form shows them beside the fields rather than on top). */
export function hasFieldErrors(error: unknown): boolean {
  return graphQLErrors(error).some((entry) => Array.isArray((entry.extensions as { fields?: unknown } | undefined)?.fields));
}
