import { ApolloClient, ApolloLink, InMemoryCache } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { MockLink } from "@apollo/client/testing";
import { I18nProvider, type Language } from "@civicline/ui";
import { configure, render } from "@testing-library/react";
import type { ReactNode } from "react";
import type { KbArticleFieldsFragment } from "../../gql/graphql.ts";
import { operatorMessages } from "../../messages.ts";

// These tests share a 2-core machine with builds and other suites: allow slow renders to settle.
configure({ asyncUtilTimeout: 5000 });

/** An article as `KbArticleFields` returns it, with the __typenames Apollo asks for. */
export function buildArticle(overrides: Partial<KbArticleFieldsFragment> = {}) {
  return {
    __typename: "Article" as const,
    id: "a1",
    title: "夜间施工噪音扰民如何投诉？",
    summary: "夜间22时至次日6时禁止产生噪声的建筑施工作业，可向城管部门反映。",
    body: "## 处理流程\n\n1. 记录施工地点和时间\n2. 拨打 12345 反映",
    status: "PUBLISHED" as const,
    audience: "INTERNAL" as const,
    language: "ZH_CN" as const,
    categories: [{ __typename: "Category" as const, id: "c2", code: "URBAN.NOISE", nameZh: "施工噪音", nameEn: "Construction noise" }],
    keywords: ["噪音", "扰民"],
    owningUnit: { __typename: "Unit" as const, id: "u1", code: "BUR-CG", nameZh: "淄博市城市管理局", nameEn: "Urban Management Bureau" },
    effectiveFrom: "2025-01-01",
    expiresOn: null,
    source: "淄博市城市管理局 0533-12319",
    versionNumber: 1,
    lockVersion: 3,
    author: { __typename: "StaffRef" as const, id: "s1", displayName: "张编辑" },
    reviewer: null,
    reviewComment: null,
    publishedAt: "2025-01-02T02:00:00Z",
    updatedAt: "2025-01-02T02:00:00Z",
    usageCount: 4,
    inForce: true,
    canEdit: true,
    canReview: false,
    canApproveUrgently: false,
    pendingChange: null,
    history: [] as Array<{ action: "CREATED"; versionNumber: number; actorName: string; comment: string | null; at: string }>,
    versions: [
      {
        __typename: "ArticleVersion" as const,
        number: 1,
        title: "夜间施工噪音扰民如何投诉？",
        createdAt: "2025-01-01T02:00:00Z",
        createdBy: { __typename: "StaffRef" as const, id: "s1", displayName: "张编辑" },
        changeNote: null,
      },
    ],
    ...overrides,
  };
}

/** Every operation the client sent, in order (name and variables). */
export type SentOperation = { name: string; variables: Record<string, unknown> };

/**
 * Renders with a real Apollo client answered by `mocks`, recording each operation that reaches the
 * network so tests can assert what was (not) sent.
 */
export function renderWithApollo(ui: ReactNode, mocks: readonly MockLink.MockedResponse[], language: Language = "en") {
  const sent: SentOperation[] = [];
  const record = new ApolloLink((operation, forward) => {
    sent.push({ name: operation.operationName ?? "", variables: operation.variables });
    return forward(operation);
  });
  const client = new ApolloClient({
    cache: new InMemoryCache(),
    link: ApolloLink.from([record, new MockLink(mocks, { defaultOptions: { delay: 0 } })]),
  });
  const view = render(
    <ApolloProvider client={client}>
      <I18nProvider messages={operatorMessages} language={language}>
        {ui}
      </I18nProvider>
    </ApolloProvider>,
  );
  return { ...view, sent, client };
}
