import { ApolloClient, ApolloLink, InMemoryCache } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { MockLink, MockSubscriptionLink } from "@apollo/client/testing";
import { I18nProvider, routingTypePolicies, type Language } from "@civicline/ui";
import { render } from "@testing-library/react";
import { OperationTypeNode, type DocumentNode } from "graphql";
import type { ReactNode } from "react";
import { UnitInboxDocument, WorkbenchAssignmentDocument, WorkbenchViewerDocument } from "../../gql/graphql.ts";
import { operatorMessages } from "../../messages.ts";

/** A mock answered as often as asked. */
export const always = { maxUsageCount: Number.POSITIVE_INFINITY };

/** A mutation mock that records each call's variables and answers with `answer(variables)`. */
export function recordingMock<V extends Record<string, unknown>>(
  query: DocumentNode,
  calls: V[],
  answer: (variables: V) => Record<string, unknown>,
): MockLink.MockedResponse {
  return {
    ...always,
    request: { query, variables: () => true },
    result: (variables: V) => {
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
      <I18nProvider messages={operatorMessages} language={language}>
        {ui}
      </I18nProvider>
    </ApolloProvider>,
  );
  return { ...view, subscriptions, client };
}

export const unit = (id: string, nameZh: string, nameEn: string, kind = "BUREAU", parentId: string | null = null) => ({
  __typename: "Unit" as const,
  id,
  code: id.toUpperCase(),
  nameZh,
  nameEn,
  kind,
  parentId,
});

export const EDU = unit("u-edu", "淄博市教育局", "Zibo Education Bureau");
export const HOUSING = unit("u-housing", "淄博市住房和城乡建设局", "Zibo Housing Bureau");
export const QINGCHENG = unit("u-qc", "青城镇人民政府", "Qingcheng Town", "TOWNSHIP_OFFICE", "u-gaoqing");

const area = (id: string, nameZh: string, nameEn: string | null) => ({ __typename: "Area" as const, id, nameZh, nameEn });
const category = { __typename: "Category" as const, id: "c-edu", nameZh: "校园欺凌", nameEn: "School bullying" };

type Overrides = Record<string, unknown> & { ticket?: Record<string, unknown>; deadlines?: Record<string, unknown> };

/** A fixture as the server sends it; loosely typed so tests can change any field. */
export type AssignmentFixture = Record<string, unknown> & { ticket: Record<string, unknown> & { id: string; trackingNumber: string } };

/** An assignment with every field the workbench selects (inbox row and detail), as the server sends it. */
export function buildAssignment(id: string, overrides: Overrides = {}): AssignmentFixture {
  const { ticket, deadlines, ...rest } = overrides;
  return {
    __typename: "Assignment" as const,
    id: `a-${id}`,
    state: "DISPATCHED",
    ticket: {
      __typename: "Ticket" as const,
      id,
      trackingNumber: `ZB-20261124-${id.padStart(5, "0")}`,
      status: "DISPATCHED",
      urgency: "NORMAL",
      requestType: "COMPLAINT",
      receivedAt: "2026-11-24T01:00:00Z",
      title: null,
      description: "孩子在学校被同学欺负，希望学校调查处理。",
      category: { ...category, fields: [] },
      district: area("d-zd", "张店区", "Zhangdian District"),
      township: null,
      channel: "PHONE",
      address: "华光路 3 号",
      citizenName: "李雷",
      citizenPhone: "138****5678",
      citizenEmail: null,
      privacy: "NONE",
      version: 3,
      extraFields: [],
      attachments: [],
      history: [{ __typename: "TicketHistoryEntry" as const, id: `h-${id}`, at: "2026-11-24T01:00:00Z", kind: "STATUS", toStatus: "RECEIVED", actorName: "话务员", actorKind: "STAFF", reason: null, noteCode: null, noteParams: [] }],
      ...ticket,
    },
    leadUnit: EDU,
    assistingUnits: [],
    dispatchedAt: "2026-11-24T02:00:00Z",
    dispatchedBy: "派单员",
    dispatchedByKind: "STAFF",
    dispatchNote: null,
    signedForAt: null,
    rule: null,
    deadlines: {
      __typename: "Deadlines" as const,
      dispatchDueAt: null,
      signForDueAt: "2026-11-24T04:00:00Z",
      completionDueAt: "2026-12-01T09:30:00Z",
      nearDueAt: "2026-11-28T09:30:00Z",
      state: "ON_TIME",
      workingMinutesLeft: 2250,
      ...deadlines,
    },
    notes: [],
    reply: null,
    extension: null,
    returns: [],
    assists: [],
    finalDecision: null,
    followUpCount: 0,
    lastFollowUpAt: null,
    lastFollowUpWords: null,
    ...rest,
  };
}

/** `me` with the viewer's unit. */
export const viewerMock = (unitId = EDU.id) => ({
  ...always,
  request: { query: WorkbenchViewerDocument },
  result: { data: { me: { __typename: "Viewer", id: "v1", unitId } } },
});

/** The inbox (answered every time unless `reuse` is false); a function gives the server's current list. */
export const inboxMock = (items: unknown[] | (() => unknown[]), reuse = true) => ({
  ...(reuse ? always : {}),
  request: { query: UnitInboxDocument, variables: { includeClosed: false } },
  result: () => ({ data: { unitInbox: typeof items === "function" ? items() : items } }),
});

/** The open assignment's detail. */
export const detailMock = (assignment: AssignmentFixture) => ({
  ...always,
  request: { query: WorkbenchAssignmentDocument, variables: { ticketId: assignment.ticket.id } },
  result: { data: { assignment } },
});
