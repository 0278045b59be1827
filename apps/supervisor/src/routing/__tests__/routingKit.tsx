import { ApolloClient, ApolloLink, InMemoryCache } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { MockLink, MockSubscriptionLink } from "@apollo/client/testing";
import { I18nProvider, routingTypePolicies, type Language } from "@civicline/ui";
import { render } from "@testing-library/react";
import { OperationTypeNode, type DocumentNode } from "graphql";
import type { ReactNode } from "react";
import { supervisorMessages } from "../../messages.ts";

export const always = { maxUsageCount: Number.POSITIVE_INFINITY };

/** A mock answered every time with the current value of `answer()` (the server's state). */
export function stateMock(query: DocumentNode, answer: () => Record<string, unknown>, variables?: Record<string, unknown>): MockLink.MockedResponse {
  return { ...always, request: { query, variables }, result: () => ({ data: answer() }) } as MockLink.MockedResponse;
}

/** A mutation mock that records each call's variables and answers with `answer(variables)`. */
export function recordingMock(query: DocumentNode, calls: Record<string, unknown>[], answer: (variables: Record<string, unknown>) => Record<string, unknown>): MockLink.MockedResponse {
  return {
    ...always,
    request: { query, variables: () => true },
    result: (variables: Record<string, unknown>) => {
      calls.push(variables);
      return { data: answer(variables) };
    },
  } as MockLink.MockedResponse;
}

/**
 * Renders with a real Apollo client (the app's routing cache identities), queries and mutations
 * answered by `mocks`, subscriptions by a MockSubscriptionLink the test drives.
 */
export function renderRouting(ui: ReactNode, mocks: readonly MockLink.MockedResponse[], language: Language = "en") {
  const subscriptions = new MockSubscriptionLink();
  const client = new ApolloClient({
    cache: new InMemoryCache({ typePolicies: routingTypePolicies }),
    link: ApolloLink.split(
      (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
      subscriptions,
      new MockLink(mocks, { defaultOptions: { delay: 0 } }),
    ),
  });
  const view = render(
    <ApolloProvider client={client}>
      <I18nProvider messages={supervisorMessages} language={language}>
        {ui}
      </I18nProvider>
    </ApolloProvider>,
  );
  return { ...view, subscriptions };
}

const named = (typename: string, id: string, nameZh: string, nameEn: string | null) => ({ __typename: typename, id, nameZh, nameEn });
export const EDU = named("Unit", "u-edu", "淄博市教育局", "Zibo Education Bureau");
export const HOUSING = named("Unit", "u-housing", "淄博市住房和城乡建设局", "Zibo Housing Bureau");

/** An assignment with a pending extension of `workingDays` working days. */
export function extensionAssignment(id: string, workingDays = 3, deadlines: Record<string, unknown> = {}) {
  return {
    __typename: "Assignment",
    id: `a-${id}`,
    ticket: {
      __typename: "Ticket",
      id,
      trackingNumber: `ZB-20261124-${id.padStart(5, "0")}`,
      status: "IN_PROGRESS",
      requestType: "COMPLAINT",
      urgency: "NORMAL",
      title: null,
      description: "物业公司强制收取有线电视费。",
      category: named("Category", "c-prop", "物业管理", "Property management"),
      district: named("Area", "d-yy", "沂源县", "Yiyuan County"),
    },
    leadUnit: HOUSING,
    dispatchedAt: "2026-11-20T02:00:00Z",
    deadlines: { __typename: "Deadlines", completionDueAt: "2026-11-27T09:30:00Z", state: "NEAR_DUE", workingMinutesLeft: 300, ...deadlines },
    extension: {
      __typename: "ExtensionRequest",
      id: `x-${id}`,
      reason: "需协调开发商拆除线缆并退费，所需时间较长。",
      workingDays,
      requestedBy: "住建局 张科长",
      status: "PENDING",
      requestedAt: "2026-11-25T03:00:00Z",
      decidedAt: null,
      decidedBy: null,
      decisionNote: null,
    },
  };
}
