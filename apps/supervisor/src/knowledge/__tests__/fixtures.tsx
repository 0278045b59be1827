import { ApolloClient, ApolloLink, InMemoryCache } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { MockLink, MockSubscriptionLink } from "@apollo/client/testing";
import { I18nProvider, type Language } from "@civicline/ui";
import { configure, render } from "@testing-library/react";
import { OperationTypeNode } from "graphql";
import type { ReactNode } from "react";
import type { KbArticleFieldsFragment, KbImportJobFieldsFragment } from "../../gql/graphql.ts";
import { supervisorMessages } from "../../messages.ts";

// These tests share a 2-core machine with builds and other suites: allow slow renders to settle.
configure({ asyncUtilTimeout: 5000 });

export type SentOperation = { name: string; variables: Record<string, unknown> };

/**
 * A real Apollo client: queries and mutations answered by `mocks`, subscriptions by a
 * MockSubscriptionLink the test drives; every operation sent is recorded.
 */
export function renderKnowledge(ui: ReactNode, mocks: readonly MockLink.MockedResponse[], language: Language = "en") {
  const sent: SentOperation[] = [];
  const subscriptions = new MockSubscriptionLink();
  const record = new ApolloLink((operation, forward) => {
    sent.push({ name: operation.operationName ?? "", variables: operation.variables });
    return forward(operation);
  });
  const client = new ApolloClient({
    cache: new InMemoryCache(),
    link: ApolloLink.from([
      record,
      ApolloLink.split(
        (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
        subscriptions,
        new MockLink(mocks, { defaultOptions: { delay: 0 } }),
      ),
    ]),
  });
  // As a wrapper, so `rerender` keeps the providers.
  const view = render(ui, {
    wrapper: ({ children }) => (
      <ApolloProvider client={client}>
        <I18nProvider messages={supervisorMessages} language={language}>
          {children}
        </I18nProvider>
      </ApolloProvider>
    ),
  });
  return { ...view, sent, subscriptions, client };
}

const staff = (id: string, displayName: string) => ({ __typename: "StaffRef" as const, id, displayName });

/** An article as `KbArticleFields` returns it. */
export function buildArticle(overrides: Partial<KbArticleFieldsFragment> = {}) {
  return {
    __typename: "Article" as const,
    id: "a1",
    title: "冬季供暖温度不达标怎么办？",
    summary: "室温低于18℃可向供热单位报修，24小时内未解决可拨打12345反映。",
    body: "## 标准\n\n供暖期室内温度不低于18℃。",
    status: "IN_REVIEW" as const,
    audience: "PUBLIC" as const,
    language: "ZH_CN" as const,
    categories: [{ __typename: "Category" as const, id: "c5", code: "HEATING", nameZh: "供暖", nameEn: "Heating" }],
    keywords: ["供暖", "暖气不热"],
    owningUnit: { __typename: "Unit" as const, id: "u3", code: "BUR-ZJ", nameZh: "淄博市住房和城乡建设局", nameEn: "Housing and Construction Bureau" },
    effectiveFrom: "2025-11-15",
    expiresOn: "2026-03-15",
    source: "淄博市住建局 0533-2318000",
    versionNumber: 2,
    lockVersion: 7,
    author: staff("s1", "张编辑"),
    reviewer: null,
    reviewComment: null,
    publishedAt: "2024-11-15T02:00:00Z",
    updatedAt: "2025-11-20T02:00:00Z",
    usageCount: 31,
    inForce: false,
    canEdit: false,
    canReview: true,
    canApproveUrgently: false,
    pendingChange: null,
    history: [] as Array<{ action: "CREATED"; versionNumber: number; actorName: string; comment: string | null; at: string }>,
    versions: [1, 2].map((number) => ({
      __typename: "ArticleVersion" as const,
      number,
      title: "冬季供暖温度不达标怎么办？",
      createdAt: "2025-11-20T02:00:00Z",
      createdBy: staff("s1", "张编辑"),
      changeNote: null,
    })),
    ...overrides,
  };
}

type Rejection = KbImportJobFieldsFragment["rejections"][number] & { __typename?: "ImportRejection" };

/** An import job as `KbImportJobFields` returns it. */
export function buildJob(overrides: Partial<Omit<KbImportJobFieldsFragment, "rejections">> & { rejections?: Rejection[] } = {}) {
  return {
    __typename: "ImportJob" as const,
    id: "j1",
    status: "QUEUED" as const,
    total: 0,
    processed: 0,
    imported: 0,
    rejected: 0,
    rejections: [] as Rejection[],
    startedAt: null,
    finishedAt: null,
    ...overrides,
  };
}
