import type { ArticleRecord } from "../types.ts";

/** An article as the editor's `KbArticleFields` fragment returns it. */
export function buildArticle(overrides: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    id: "a1",
    title: "夜间施工噪音扰民如何投诉？",
    summary: "夜间22时至次日6时禁止产生噪声的建筑施工作业，可向城管部门反映。",
    body: "## 处理流程\n\n1. 记录施工地点和时间\n2. 拨打 12345 反映",
    status: "PUBLISHED",
    audience: "PUBLIC",
    language: "ZH_CN",
    categories: [{ id: "c1", nameZh: "施工噪音", nameEn: "Construction noise" }],
    keywords: ["噪音", "扰民"],
    owningUnit: { id: "u1", nameZh: "淄博市城市管理局", nameEn: "Urban Management Bureau" },
    effectiveFrom: "2025-01-01",
    expiresOn: null,
    source: "淄博市城市管理局 0533-12319",
    inForce: true,
    versionNumber: 2,
    lockVersion: 5,
    updatedAt: "2025-03-01T02:00:00Z",
    publishedAt: "2025-01-02T02:00:00Z",
    author: { id: "s1", displayName: "张编辑" },
    reviewer: null,
    reviewComment: null,
    usageCount: 12,
    canEdit: true,
    canReview: false,
    canApproveUrgently: false,
    pendingChange: null,
    versions: [
      { number: 1, title: "旧标题", createdAt: "2025-01-01T02:00:00Z", createdBy: { id: "s1", displayName: "张编辑" }, changeNote: null },
      { number: 2, title: "夜间施工噪音扰民如何投诉？", createdAt: "2025-03-01T02:00:00Z", createdBy: { id: "s1", displayName: "张编辑" }, changeNote: "更新电话" },
    ],
    ...overrides,
  };
}
