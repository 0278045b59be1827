import { CallbackQueuesDocument, CallbackTaskDocument } from "../../gql/graphql.ts";
import { CALLBACK_LIST_LIMIT } from "../useCallbackQueues.ts";

/** A mock answered as often as asked. */
export const always = { maxUsageCount: Number.POSITIVE_INFINITY };

const named = (typename: string, id: string, nameZh: string, nameEn: string | null) => ({ __typename: typename, id, nameZh, nameEn });
const category = named("Category", "c-edu", "校园欺凌", "School bullying");
const district = named("Area", "d-zd", "张店区", "Zhangdian District");

type Overrides = Record<string, unknown> & { ticket?: Record<string, unknown> };

/** A callback task with every field the queue and the task screen select, as the server sends it. */
export function buildTask(id: string, overrides: Overrides = {}) {
  const { ticket, ...rest } = overrides;
  return {
    __typename: "CallbackTask" as const,
    id,
    kind: "REPLY",
    state: "OPEN",
    dueAt: "2099-11-26T01:30:00Z",
    overdue: false,
    nextAttemptAt: null as string | null,
    readyToCall: true,
    attemptCount: 0,
    maxTries: 3,
    claimedBy: null as string | null,
    claimedByMe: false,
    claimedUntil: null as string | null,
    closedAt: null as string | null,
    closedBy: null as string | null,
    ticket: {
      __typename: "Ticket" as const,
      id: `t-${id}`,
      trackingNumber: `ZB-20261125-${id.padStart(5, "0")}`,
      requestType: "COMPLAINT",
      citizenName: "孙女士",
      citizenPhone: "13822223333",
      status: "REPLIED",
      description: "孩子在学校多次被同学欺负，请教育部门调查。",
      address: "华光路 12 号",
      receivedAt: "2026-11-24T01:00:00Z",
      directAnswer: null,
      category,
      district,
      township: null,
      ...ticket,
    },
    reply: {
      __typename: "CallbackReply" as const,
      outcome: "RESOLVED",
      text: "经调查，学校已对涉事学生批评教育。",
      repliedAt: "2026-11-25T02:00:00Z",
      repliedBy: "周老师",
      unitNameZh: "淄博市教育局",
      unitNameEn: "Zibo Education Bureau",
    },
    script: { __typename: "CallbackScript" as const, zh: "您好，请问是孙女士吗？", en: "Hello, am I speaking with 孙女士?" },
    attempts: [] as Array<Record<string, unknown>>,
    survey: null as Record<string, unknown> | null,
    proposal: null as Record<string, unknown> | null,
    ...rest,
  };
}

export type TaskFixture = ReturnType<typeof buildTask>;

/** A missed call as the server sends it. */
export function buildMissedCall(id: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: "MissedCall" as const,
    id,
    callId: `call-${id}`,
    callerNumber: `1390000003${id}`,
    abandonedAt: "2026-11-25T01:00:00Z",
    waitedSeconds: 95,
    line: "12345-1",
    state: "OPEN",
    dueAt: "2099-11-25T03:00:00Z",
    overdue: false,
    nextAttemptAt: null as string | null,
    attemptCount: 0,
    maxTries: 3,
    attempts: [] as Array<Record<string, unknown>>,
    ticketTrackingNumber: null as string | null,
    ...overrides,
  };
}

type Queues = { replies?: TaskFixture[]; surveys?: TaskFixture[]; missed?: ReturnType<typeof buildMissedCall>[]; counts?: Record<string, number> };

/** The `CallbackQueues` answer for the server's current lists (a function is read on every request). */
export function queuesMock(queues: Queues | (() => Queues)) {
  return {
    ...always,
    request: { query: CallbackQueuesDocument, variables: { limit: CALLBACK_LIST_LIMIT } },
    result: () => {
      const { replies = [], surveys = [], missed = [], counts = {} } = typeof queues === "function" ? queues() : queues;
      const page = (typename: string, items: unknown[]) => ({ __typename: typename, total: items.length, items });
      return {
        data: {
          replies: page("CallbackTaskPage", replies),
          surveys: page("CallbackTaskPage", surveys),
          missed: page("MissedCallPage", missed),
          counts: {
            __typename: "CallbackQueueCounts",
            openTasks: replies.length + surveys.length,
            overdueTasks: [...replies, ...surveys].filter((task) => task.overdue).length,
            readyTasks: [...replies, ...surveys].filter((task) => task.readyToCall).length,
            openMissedCalls: missed.length,
            overdueMissedCalls: missed.filter((call) => call.overdue).length,
            ...counts,
          },
        },
      };
    },
  };
}

/** The task screen's query, answering with the server's current task. */
export function taskMock(task: TaskFixture | (() => TaskFixture)) {
  const current = () => (typeof task === "function" ? task() : task);
  return { ...always, request: { query: CallbackTaskDocument, variables: { id: current().id } }, result: () => ({ data: { callbackTask: current() } }) };
}
