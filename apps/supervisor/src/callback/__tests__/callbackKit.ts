import type { MockLink } from "@apollo/client/testing";
import { DecidedReReportsDocument, ReReportProposalsDocument, SatisfactionSummaryDocument } from "../../gql/graphql.ts";
import { always } from "../../routing/__tests__/routingKit.tsx";
import { PROPOSAL_LIMIT } from "../ReReportPage.tsx";

const named = (typename: string, id: string, nameZh: string, nameEn: string | null) => ({ __typename: typename, id, nameZh, nameEn });
export const EDU = named("Unit", "u-edu", "淄博市教育局", "Zibo Education Bureau");

type Overrides = Record<string, unknown> & { survey?: Record<string, unknown>; ticket?: Record<string, unknown> };

/** A re-report proposal with every field the page selects, as the server sends it. */
export function buildProposal(id: string, overrides: Overrides = {}) {
  const { survey, ticket, ...rest } = overrides;
  return {
    __typename: "ReReportProposal" as const,
    id,
    state: "PENDING",
    reasons: ["RESULT_DISSATISFIED", "UNRESOLVED"],
    createdAt: "2026-11-25T03:00:00Z",
    trackingNumber: `ZB-20261125-${id.padStart(5, "0")}`,
    comment: "学校只是口头批评，孩子仍然被欺负。" as string | null,
    decidedAt: null as string | null,
    decidedBy: null as string | null,
    decisionNote: null as string | null,
    category: named("Category", "c-edu", "校园欺凌", "School bullying"),
    unit: EDU,
    ticket: {
      __typename: "Ticket" as const,
      id: `t-${id}`,
      status: "REPLIED",
      requestType: "COMPLAINT",
      description: "孩子在学校多次被同学欺负，请教育部门调查。",
      receivedAt: "2026-11-24T01:00:00Z",
      district: named("Area", "d-zd", "张店区", "Zhangdian District"),
      ...ticket,
    },
    survey: {
      __typename: "CallbackSurvey" as const,
      id: `s-${id}`,
      channel: "PHONE",
      resolution: "UNRESOLVED" as string | null,
      resultSatisfaction: "VERY_DISSATISFIED" as string | null,
      processSatisfaction: "SATISFIED",
      reasonable: true as boolean | null,
      comment: "学校只是口头批评，孩子仍然被欺负。" as string | null,
      answeredAt: "2026-11-25T03:00:00Z",
      recordedBy: "赵丽" as string | null,
      ...survey,
    },
    reply: {
      __typename: "CallbackReply" as const,
      outcome: "RESOLVED",
      text: "经调查，学校已对涉事学生批评教育，班主任加强管理。",
      repliedAt: "2026-11-25T02:00:00Z",
      repliedBy: "周老师",
      unitNameZh: "淄博市教育局",
      unitNameEn: "Zibo Education Bureau",
    } as Record<string, unknown> | null,
    ...rest,
  };
}

export type ProposalFixture = ReturnType<typeof buildProposal>;

const page = (items: unknown[]) => ({ __typename: "ReReportProposalPage", total: items.length, items });

/** Pending proposals as the server holds them now. */
export function pendingMock(items: () => ProposalFixture[]): MockLink.MockedResponse {
  return { ...always, request: { query: ReReportProposalsDocument, variables: { state: "PENDING", limit: PROPOSAL_LIMIT } }, result: () => ({ data: { reReportProposals: page(items()) } }) } as MockLink.MockedResponse;
}

/** Decided proposals as the server holds them now. */
export function decidedMock(items: () => ProposalFixture[]): MockLink.MockedResponse {
  return {
    ...always,
    request: { query: DecidedReReportsDocument, variables: { limit: PROPOSAL_LIMIT } },
    result: () => ({ data: { accepted: page(items().filter((item) => item.state === "ACCEPTED")), declined: page(items().filter((item) => item.state === "DECLINED")), withdrawn: page(items().filter((item) => item.state === "WITHDRAWN")) } }),
  } as MockLink.MockedResponse;
}

/** The satisfaction figures for any period; each request's variables are recorded. */
export function summaryMock(periods: Array<Record<string, unknown>>, figures: Record<string, unknown> = {}): MockLink.MockedResponse {
  return {
    ...always,
    request: { query: SatisfactionSummaryDocument, variables: () => true },
    result: (variables: Record<string, unknown>) => {
      periods.push(variables);
      return {
        data: {
          satisfactionSummary: {
            __typename: "SatisfactionSummary",
            from: variables.from,
            to: variables.to,
            answered: 400,
            onlineAnswered: 25,
            reasonableAnswered: 390,
            resultSatisfied: 389,
            resultSatisfactionRate: 389 / 390,
            processAnswered: 1000,
            processSatisfied: 999,
            processSatisfactionRate: 0.999,
            unreachable: 12,
            reReportsProposed: 3,
            ...figures,
          },
        },
      };
    },
  } as MockLink.MockedResponse;
}
