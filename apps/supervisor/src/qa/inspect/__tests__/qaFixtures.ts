/** QA data as the server sends it (with __typename), for the inspection pages' tests. */
const deduction = (key: string, label: string, labelEn: string, points: number) => ({ __typename: "QaDeduction" as const, key, label, labelEn, points });

export const FORM_VERSION = {
  __typename: "QaScoreFormVersion" as const,
  id: "fv-3",
  formName: "话务质检评分表",
  formNameEn: "Call QA form",
  version: 3,
  totalWeight: 40,
  criteria: [
    { __typename: "QaCriterion" as const, key: "greeting", label: "问候语", labelEn: "Greeting", weight: 10, deductions: [deduction("no_number", "未报工号", "No work number", 4)] },
    { __typename: "QaCriterion" as const, key: "accuracy", label: "答复准确", labelEn: "Accuracy", weight: 30, deductions: [] },
  ],
  criticalErrors: [{ __typename: "QaCriticalError" as const, key: "wrong_policy", label: "政策答复错误", labelEn: "Wrong policy answer" }],
};

export function score(overrides: Record<string, unknown> = {}) {
  return {
    __typename: "QaScore" as const,
    id: "s1",
    version: 1,
    reason: "INSPECTION",
    total: 90,
    critical: false,
    criticalErrors: [],
    criteria: [
      { __typename: "QaCriterionScore" as const, key: "greeting", label: "问候语", labelEn: "Greeting", weight: 10, score: 6, deductions: [deduction("no_number", "未报工号", "No work number", 4)], comment: "开头未报工号。" },
      { __typename: "QaCriterionScore" as const, key: "accuracy", label: "答复准确", labelEn: "Accuracy", weight: 30, score: 30, deductions: [], comment: null },
    ],
    comment: "倾听到位。",
    scoredByName: "刘洋",
    scoredAt: "2026-12-04T02:00:00.000Z",
    ...overrides,
  };
}

export function inspection(overrides: Record<string, unknown> = {}) {
  const given = score();
  return {
    __typename: "QaInspection" as const,
    id: "i1",
    sampleId: "sm1",
    callRecordId: "c1",
    callStartedAt: "2026-12-03T01:30:00.000Z",
    callTakerId: "u-op",
    callTakerName: "王芳",
    inspectorName: "刘洋",
    state: "APPEALED",
    formVersion: FORM_VERSION,
    score: given,
    scores: [given],
    appeal: { __typename: "QaAppeal" as const, id: "a1", state: "PENDING", reason: "我在开头已报工号。", filedAt: "2026-12-04T03:00:00.000Z", filedByName: "王芳", decidedAt: null, decidedByName: null, decisionNote: null },
    appealDeadline: "2026-12-09T10:00:00.000Z",
    canAppeal: false,
    canDecide: true,
    scoredAt: "2026-12-04T02:00:00.000Z",
    ...overrides,
  };
}

export const CALL = {
  __typename: "QaCall" as const,
  id: "c1",
  callId: "PBX-1",
  seatCode: "A01",
  callerNumber: "139****1234",
  direction: "INBOUND",
  startedAt: "2026-12-03T01:30:00.000Z",
  answeredAt: "2026-12-03T01:30:08.000Z",
  endedAt: "2026-12-03T01:41:08.000Z",
  waitSeconds: 8,
  talkSeconds: 660,
  recordingUrl: "/qa/recordings/c1",
  hasRecording: true,
  transcript: "市民：孩子在学校被同学欺负。",
  flagged: false,
  flagReason: null,
  ticketTrackingNumbers: ["ZB-20261203-00007"],
};

/** A ticket as logged during CALL (QaCall.loggedTickets): a direct answer from two knowledge articles, one since deleted. */
export const LOGGED_TICKET = {
  __typename: "QaLoggedTicket" as const,
  ticketId: "t7",
  trackingNumber: "ZB-20261203-00007",
  title: null,
  description: "孩子在学校被同学欺负，老师不处理。",
  address: "黄浦区复兴中路 100 号",
  categoryId: "cat-school",
  categoryName: "校园欺凌",
  categoryNameEn: "School bullying",
  requestType: "COMPLAINT",
  directAnswer: "已告知可向区教育局反映，并提供热线。",
  status: "CLOSED_DIRECT",
  receivedAt: "2026-12-03T01:35:00.000Z",
  articles: [
    { __typename: "QaArticleUsed" as const, id: "kb1", title: "校园欺凌的投诉渠道" },
    { __typename: "QaArticleUsed" as const, id: "kb2", title: null },
  ],
};
