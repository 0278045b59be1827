import type { QaCriterionDefinition, QaCriticalErrorDefinition } from "./score-form.entity.js";

/** The default score form's id and its version 1 (inserted by the QaScoring migration). */
export const DEFAULT_FORM_ID = "9a0c1e55-7a11-4c3e-8d2b-0f5a9c1d2e01";
export const DEFAULT_FORM_VERSION_ID = "9a0c1e55-7a11-4c3e-8d2b-0f5a9c1d2e02";

/** The default form (质检评分表): seven criteria worth 100 points, and the critical errors that set the score to 0. */
export const DEFAULT_FORM: { name: string; nameEn: string; criteria: QaCriterionDefinition[]; criticalErrors: QaCriticalErrorDefinition[] } = {
  name: "话务质检评分表",
  nameEn: "Call quality score form",
  criteria: [
    {
      key: "greeting",
      label: "开头问候",
      labelEn: "Greeting",
      weight: 10,
      deductions: [
        { key: "no_standard_greeting", label: "未使用标准开头语", labelEn: "No standard greeting", points: 5 },
        { key: "no_staff_number", label: "未报工号", labelEn: "Did not give the staff number", points: 3 },
      ],
    },
    {
      key: "listening",
      label: "耐心倾听",
      labelEn: "Listening",
      weight: 15,
      deductions: [
        { key: "interrupted", label: "打断来电人", labelEn: "Interrupted the caller", points: 5 },
        { key: "asked_again", label: "重复询问来电人已说明的信息", labelEn: "Asked again for what the caller had said", points: 5 },
      ],
    },
    {
      key: "accuracy",
      label: "答复准确（对照知识库）",
      labelEn: "Accuracy against the knowledge base",
      weight: 25,
      deductions: [
        { key: "not_per_knowledge_base", label: "答复与知识库不一致", labelEn: "Answer differs from the knowledge base", points: 15 },
        { key: "incomplete_answer", label: "答复不完整", labelEn: "Incomplete answer", points: 8 },
      ],
    },
    {
      key: "classification",
      label: "分类准确",
      labelEn: "Classification",
      weight: 15,
      deductions: [
        { key: "wrong_category", label: "诉求分类错误", labelEn: "Wrong category", points: 10 },
        { key: "wrong_request_type", label: "诉求类型错误", labelEn: "Wrong request type", points: 5 },
      ],
    },
    {
      key: "courtesy",
      label: "文明礼貌",
      labelEn: "Courtesy",
      weight: 15,
      deductions: [
        { key: "impatient", label: "语气生硬、不耐烦", labelEn: "Curt or impatient", points: 8 },
        { key: "unexplained_jargon", label: "使用专业术语未解释", labelEn: "Jargon not explained", points: 3 },
      ],
    },
    {
      key: "closing",
      label: "结束语",
      labelEn: "Closing",
      weight: 5,
      deductions: [
        { key: "no_standard_closing", label: "未使用标准结束语", labelEn: "No standard closing", points: 3 },
        { key: "no_other_needs_check", label: "未询问是否还有其他诉求", labelEn: "Did not ask about other needs", points: 2 },
      ],
    },
    {
      key: "ticket_quality",
      label: "工单质量",
      labelEn: "Ticket quality",
      weight: 15,
      deductions: [
        { key: "missing_facts", label: "工单要素缺失（时间、地点、诉求）", labelEn: "Facts missing (time, place, request)", points: 8 },
        { key: "unclear_text", label: "错别字、表述不清", labelEn: "Typos or unclear wording", points: 3 },
      ],
    },
  ],
  criticalErrors: [
    { key: "wrong_policy_answer", label: "政策答复错误", labelEn: "Wrong policy answer" },
    { key: "whistleblower_identity_revealed", label: "泄露举报人身份信息", labelEn: "Revealed a whistle-blower's identity" },
    { key: "hung_up_on_caller", label: "无故挂断来电", labelEn: "Hung up on the caller" },
  ],
};
