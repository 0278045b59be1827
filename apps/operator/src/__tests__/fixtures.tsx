import { ApolloClient, ApolloLink, InMemoryCache } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { MockLink, MockSubscriptionLink } from "@apollo/client/testing";
import { I18nProvider, type Language } from "@civicline/ui";
import { render } from "@testing-library/react";
import { OperationTypeNode } from "graphql";
import type { ReactNode } from "react";
import { QueueCountsDocument, TicketQueueDocument, type QueueCountsFieldsFragment, type QueueKind, type QueueTicketFragment } from "../gql/graphql.ts";
import { operatorMessages } from "../messages.ts";

/** A queue ticket as the server would send it (with __typename, as Apollo requests it). */
export function buildQueueTicket(overrides: Partial<QueueTicketFragment> & { id: string }) {
  return {
    __typename: "Ticket" as const,
    trackingNumber: `20251124${overrides.id.padStart(5, "0")}`,
    status: "RECEIVED" as const,
    channel: "PORTAL" as const,
    requestType: "COMPLAINT" as const,
    urgency: "NORMAL" as const,
    receivedAt: "2025-11-24T02:05:00Z",
    description: "小区门口的路灯坏了一个星期，晚上出行很不安全，希望尽快修复。",
    category: { __typename: "Category" as const, id: "c2", nameZh: "路灯照明", nameEn: "Street lights" },
    district: { __typename: "Area" as const, id: "d1", nameZh: "张店区", nameEn: "Zhangdian District" },
    township: { __typename: "Area" as const, id: "t1", nameZh: "马尚街道", nameEn: null },
    ...overrides,
  };
}

/** The intake fields of a ticket detail, empty unless overridden. */
export function intakeDetail(overrides: Record<string, unknown> = {}) {
  return {
    privacy: "NONE" as const,
    extraFields: [],
    attachments: [],
    links: [],
    coReporters: [],
    emergencyHandoffs: [],
    answeredArticleIds: [],
    directAnswer: null,
    ...overrides,
  };
}

/** A `ticketQueue(kind)` answer (the first 50). */
export function queueMock(items: ReturnType<typeof buildQueueTicket>[], total = items.length, kind: QueueKind = "RECEIVED") {
  return {
    request: { query: TicketQueueDocument, variables: { kind, limit: 50 } },
    result: { data: { ticketQueue: { __typename: "TicketQueue" as const, total, items } } },
  };
}

/** A `queueCounts` answer. */
export function countsMock(counts: Partial<QueueCountsFieldsFragment> = {}) {
  return {
    request: { query: QueueCountsDocument },
    result: {
      data: {
        queueCounts: { __typename: "QueueCounts" as const, received: 0, waitingForDispatch: 0, mineToday: 0, emergencies: 0, ...counts },
      },
    },
  };
}

/**
 * Renders with a real Apollo client whose queries are answered by `mocks` and whose subscriptions
 * go to a MockSubscriptionLink the test drives by hand.
 */
export function renderOperator(ui: ReactNode, mocks: readonly MockLink.MockedResponse[], language: Language = "en") {
  const subscriptions = new MockSubscriptionLink();
  const client = new ApolloClient({
    cache: new InMemoryCache({ typePolicies: { TicketQueue: { keyFields: false } } }),
    link: ApolloLink.split(
      (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
      subscriptions,
      new MockLink(mocks, { defaultOptions: { delay: 0 } }),
    ),
  });
  const view = render(
    <ApolloProvider client={client}>
      <I18nProvider messages={operatorMessages} language={language}>
        {ui}
      </I18nProvider>
    </ApolloProvider>,
  );
  return { ...view, subscriptions, client };
}
