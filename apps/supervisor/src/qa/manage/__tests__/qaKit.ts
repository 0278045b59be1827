/** Demo-like answers of the QA API for the management pages' tests. */
export const LEAD = { __typename: "QaPerson", id: "u-lead", displayName: "王芳 (Team lead)" };
export const OPERATOR = { __typename: "QaPerson", id: "u-op", displayName: "张敏 (Operator)" };
export const OPERATOR2 = { __typename: "QaPerson", id: "u-op2", displayName: "李娜" };

export const TEAM1 = { __typename: "QaTeam", id: "t1", name: "一班", lead: LEAD, members: [OPERATOR, OPERATOR2] };
export const TEAM2 = { __typename: "QaTeam", id: "t2", name: "二班", lead: { __typename: "QaPerson", id: "u-other", displayName: "赵强" }, members: [] };

export const teamsAnswer = () => ({ qaTeams: [TEAM2, TEAM1] });

const deduction = (key: string, label: string, labelEn: string, points: number) => ({ __typename: "QaDeduction", key, label, labelEn, points });
const criterion = (key: string, label: string, labelEn: string, weight: number, deductions: unknown[] = []) => ({ __typename: "QaCriterion", key, label, labelEn, weight, deductions });

/** A form version like the seeded default (weights sum to 100). */
export function formVersion(version: number, greetingWeight = 10, current = true) {
  const criteria = [
    criterion("greeting", "问候语", "Greeting", greetingWeight, [deduction("greeting-none", "未使用规范问候语", "No standard greeting", 5)]),
    criterion("listening", "倾听", "Listening", 15),
    criterion("accuracy", "答复准确", "Accuracy", 25, [deduction("accuracy-wrong", "答复与知识库不符", "Answer contradicts the knowledge base", 10)]),
    criterion("classification", "分类", "Classification", 15),
    criterion("courtesy", "礼貌", "Courtesy", 10),
    criterion("closing", "结束语", "Closing", 10),
    criterion("ticket", "工单质量", "Ticket quality", 15),
  ];
  return {
    __typename: "QaScoreFormVersion",
    id: `fv${version}`,
    formId: "f1",
    formName: "话务质检评分表",
    formNameEn: "Call QA form",
    version,
    criteria,
    criticalErrors: [{ __typename: "QaCriticalError", key: "wrong-policy", label: "政策答复错误", labelEn: "Wrong policy answer" }],
    totalWeight: criteria.reduce((sum, item) => sum + item.weight, 0),
    note: version === 1 ? null : "问候语加分",
    createdAt: "2026-11-01T02:00:00Z",
    createdByName: "admin",
    current,
  };
}
