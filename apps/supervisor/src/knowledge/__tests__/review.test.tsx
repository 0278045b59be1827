import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { KbArticleDiffDocument, KbArticleDocument, KbReviewArticleDocument, KbReviewQueueDocument } from "../../gql/graphql.ts";
import { REVIEW_QUEUE_LIMIT, ReviewQueuePage } from "../review/ReviewQueuePage.tsx";
import { buildArticle, renderKnowledge } from "./fixtures.tsx";

function queueMock(articles: ReturnType<typeof buildArticle>[]) {
  return {
    request: { query: KbReviewQueueDocument, variables: { limit: REVIEW_QUEUE_LIMIT } },
    result: {
      data: {
        articles: {
          __typename: "ArticlePage",
          total: articles.length,
          items: articles.map((a) => ({
            __typename: "Article",
            id: a.id,
            title: a.title,
            versionNumber: a.versionNumber,
            updatedAt: a.updatedAt,
            lockVersion: a.lockVersion,
            canReview: a.canReview,
            pendingChange: null,
            author: a.author,
            owningUnit: { __typename: "Unit", id: "u3", nameZh: "淄博市住房和城乡建设局", nameEn: "Housing and Construction Bureau" },
          })),
        },
      },
    },
  };
}

const articleMock = (article: ReturnType<typeof buildArticle>) => ({ request: { query: KbArticleDocument, variables: { id: article.id } }, result: { data: { article } } });

const diffMock = {
  request: { query: KbArticleDiffDocument, variables: { id: "a1", fromVersion: 1, toVersion: 2 } },
  result: {
    data: {
      articleDiff: {
        __typename: "ArticleDiff",
        fromVersion: 1,
        toVersion: 2,
        title: [{ __typename: "DiffSegment", kind: "SAME", text: "冬季供暖温度不达标怎么办？" }],
        summary: [
          { __typename: "DiffSegment", kind: "SAME", text: "室温低于" },
          { __typename: "DiffSegment", kind: "REMOVED", text: "16℃" },
          { __typename: "DiffSegment", kind: "ADDED", text: "18℃" },
        ],
        body: [{ __typename: "DiffSegment", kind: "SAME", text: "正文" }],
        keywords: [{ __typename: "DiffSegment", kind: "ADDED", text: "暖气不热" }],
      },
    },
  },
};

function reviewMock(decision: "APPROVE" | "SEND_BACK", comment: string | null, result: object) {
  return { request: { query: KbReviewArticleDocument, variables: { id: "a1", lockVersion: 7, decision, comment } }, result };
}

async function openFirst() {
  const items = await screen.findAllByTestId("kb-review-item");
  fireEvent.click(within(items[0] as HTMLElement).getByRole("button"));
  return screen.findByTestId("kb-review-detail");
}

describe("review queue", { timeout: 20_000 }, () => {
  it("shows the changes against the published version and publishes on approve", async () => {
    const article = buildArticle();
    const published = { ...article, status: "PUBLISHED" as const, lockVersion: 8, inForce: true, canReview: false };
    const { sent } = renderKnowledge(<ReviewQueuePage />, [
      queueMock([article]),
      articleMock(article),
      diffMock,
      reviewMock("APPROVE", null, { data: { reviewArticle: published } }),
      queueMock([]),
    ]);
    expect((await screen.findByTestId("kb-review-queue")).textContent).toContain("by 张编辑 · version 2");
    const detail = await openFirst();
    const changes = await within(detail).findByTestId("kb-article-diff");
    expect(within(changes).getByTestId("kb-diff-summary").querySelector("del")?.textContent).toBe("Removed: 16℃");
    expect(within(changes).getByTestId("kb-diff-summary").querySelector("ins")?.textContent).toBe("Added: 18℃");
    // The article body's markdown renderer is a lazy chunk (issue 15): wait for it to replace its placeholder.
    await waitFor(() => expect(within(detail).getByTestId("kb-review-article").textContent).toContain("供暖期室内温度不低于18℃"));

    fireEvent.click(within(detail).getByTestId("kb-approve"));
    expect((await screen.findByTestId("kb-review-done")).textContent).toBe("“冬季供暖温度不达标怎么办？” is published.");
    expect(await screen.findByTestId("kb-review-empty")).toBeTruthy();
    expect(sent.filter((op) => op.name === "KbReviewArticle").map((op) => op.variables)).toEqual([
      { id: "a1", lockVersion: 7, decision: "APPROVE", comment: null },
    ]);
  });

  it("asks for a comment before sending back, then sends it with the comment", async () => {
    const article = buildArticle();
    const { sent } = renderKnowledge(
      <ReviewQueuePage />,
      [
        queueMock([article]),
        articleMock(article),
        diffMock,
        reviewMock("SEND_BACK", "请补充报修电话。", { data: { reviewArticle: { ...article, status: "DRAFT", reviewComment: "请补充报修电话。" } } }),
        queueMock([]),
      ],
      "zh-CN",
    );
    const detail = await openFirst();
    fireEvent.click(await within(detail).findByTestId("kb-send-back"));
    const comment = within(detail).getByLabelText(/审核意见/);
    expect(comment.getAttribute("aria-invalid")).toBe("true");
    expect(within(detail).getByText("请填写需要编写人修改的内容。")).toBeTruthy();
    expect(sent.some((op) => op.name === "KbReviewArticle")).toBe(false);

    fireEvent.change(comment, { target: { value: "请补充报修电话。" } });
    fireEvent.click(within(detail).getByTestId("kb-send-back"));
    expect((await screen.findByTestId("kb-review-done")).textContent).toBe("“冬季供暖温度不达标怎么办？”已退回张编辑修改。");
  });

  it("explains clearly when the reviewer wrote the version", async () => {
    const article = buildArticle();
    renderKnowledge(<ReviewQueuePage />, [
      queueMock([article]),
      articleMock(article),
      diffMock,
      reviewMock("APPROVE", null, { errors: [{ message: "Reviewer is the author", extensions: { code: "KNOWLEDGE/REVIEWER_IS_AUTHOR" } }] }),
    ]);
    const detail = await openFirst();
    fireEvent.click(await within(detail).findByTestId("kb-approve"));
    expect((await within(detail).findByTestId("kb-review-error")).textContent).toBe(
      "You wrote this version, so you cannot review it. Another reviewer has to approve it or send it back.",
    );
    expect(screen.getAllByTestId("kb-review-item")).toHaveLength(1);
  });

  it("offers no decision on an article the viewer may not review, and no diff for a first version", async () => {
    const article = buildArticle({ versionNumber: 1, canReview: false, publishedAt: null });
    const { sent } = renderKnowledge(<ReviewQueuePage />, [queueMock([article]), articleMock(article)]);
    const detail = await openFirst();
    expect((await within(detail).findByTestId("kb-cannot-review")).textContent).toContain("another reviewer");
    expect(within(detail).queryByTestId("kb-approve")).toBeNull();
    expect(within(detail).getByText(/This is a new article/)).toBeTruthy();
    await waitFor(() => expect(sent.some((op) => op.name === "KbArticleDiff")).toBe(false));
  });

  it("shows a change to a published article with its text, a diff against the version in force, and the urgent path to its own editor", async () => {
    const article = buildArticle({
      status: "PUBLISHED",
      versionNumber: 1,
      summary: "室温低于16℃可投诉。",
      canReview: false,
      canApproveUrgently: true,
      pendingChange: {
        state: "IN_REVIEW",
        editor: { id: "s1", displayName: "张编辑" },
        version: {
          number: 2,
          title: "冬季供暖温度不达标怎么办？",
          summary: "室温低于18℃可投诉。",
          body: "正文",
          keywords: ["供暖"],
          categoryIds: ["c5"],
          owningUnitId: "u3",
          audience: "PUBLIC",
          language: "ZH_CN",
          effectiveFrom: "2025-11-15",
          expiresOn: "2026-03-15",
          source: null,
          changeNote: "标准调整",
          createdAt: "2025-11-20T02:00:00Z",
        },
      },
    });
    renderKnowledge(<ReviewQueuePage />, [queueMock([article]), articleMock(article), diffMock]);
    const detail = await openFirst();
    expect((await within(detail).findByTestId("kb-review-change")).textContent).toContain("version 2, by 张编辑");
    expect(within(detail).getByTestId("kb-review-article").textContent).toContain("室温低于18℃可投诉。");
    expect((await within(detail).findByTestId("kb-diff-summary")).querySelector("ins")?.textContent).toContain("18℃");
    expect(within(detail).getByTestId("kb-urgent-form")).toBeTruthy();
    expect(within(detail).getByTestId("kb-cannot-review")).toBeTruthy();
  });

  it("says what happens when nothing waits for review", async () => {
    renderKnowledge(<ReviewQueuePage />, [queueMock([])], "zh-CN");
    expect((await screen.findByTestId("kb-review-empty")).textContent).toContain("编写人提交审核后");
  });
});
