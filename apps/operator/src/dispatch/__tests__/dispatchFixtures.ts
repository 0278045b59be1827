import { DispatchQueueDocument, RoutingUnitsDocument } from "../../gql/graphql.ts";
import { always, EDU, HOUSING, QINGCHENG, unit } from "../../workbench/__tests__/routingTestKit.tsx";

const GAOQING = unit("u-gaoqing", "高青县人民政府", "Gaoqing County Government", "DISTRICT_GOVERNMENT");
export const UNITS = [EDU, HOUSING, GAOQING, QINGCHENG];

const named = (typename: string, id: string, nameZh: string, nameEn: string | null) => ({ __typename: typename, id, nameZh, nameEn });

/** The rule "校园欺凌 × 全市 → 淄博市教育局". */
export const EDU_RULE = {
  __typename: "DispatchRule",
  id: "rule-1",
  version: 2,
  requestType: null,
  keywords: [],
  category: named("Category", "c-edu", "校园欺凌", "School bullying"),
  area: null,
  leadUnit: EDU,
};

type Overrides = { ticket?: Record<string, unknown>; proposal?: Record<string, unknown>; pendingReturn?: Record<string, unknown> | null };

/** A dispatch queue item as the server sends it: proposal to the education bureau by EDU_RULE. */
export function buildQueueItem(id: string, { ticket, proposal, pendingReturn = null }: Overrides = {}) {
  return {
    __typename: "DispatchQueueItem",
    dispatchDueAt: "2099-11-24T06:00:00Z",
    ticket: {
      __typename: "Ticket",
      id,
      trackingNumber: `ZB-20261124-${id.padStart(5, "0")}`,
      status: "AWAITING_DISPATCH",
      urgency: "NORMAL",
      channel: "PHONE",
      requestType: "COMPLAINT",
      receivedAt: `2026-11-24T0${id}:00:00Z`,
      title: null,
      description: "孩子在学校被同学欺负，希望学校调查处理。",
      address: "华光路 3 号",
      version: 4,
      category: named("Category", "c-edu", "校园欺凌", "School bullying"),
      district: named("Area", "d-zd", "张店区", "Zhangdian District"),
      township: null,
      ...ticket,
    },
    proposal: { __typename: "RoutingProposal", clear: true, leadUnit: EDU, assistingUnits: [], rule: EDU_RULE, ...proposal },
    pendingReturn: pendingReturn ? { __typename: "ReturnRequest", id: `ret-${id}`, status: "PENDING", at: "2026-11-24T06:00:00Z", unit: EDU, ...pendingReturn } : null,
  };
}

export type QueueFixture = ReturnType<typeof buildQueueItem>;

/** What the server's queue holds; dispatching removes an item from it. */
export function queueServer(items: QueueFixture[]) {
  const state = { items };
  return {
    state,
    mock: { ...always, request: { query: DispatchQueueDocument }, result: () => ({ data: { dispatchQueue: state.items } }) },
    remove: (ticketId: string) => {
      state.items = state.items.filter((item) => item.ticket.id !== ticketId);
    },
  };
}

export const unitsMock = { ...always, request: { query: RoutingUnitsDocument }, result: { data: { units: UNITS } } };

/** What dispatchTicket / decideReturn answer with. */
export function dispatched(ticketId: string, leadUnit = EDU) {
  return { __typename: "Assignment", id: `a-${ticketId}`, state: "DISPATCHED", ticket: { __typename: "Ticket", id: ticketId, status: "DISPATCHED", version: 5 }, leadUnit };
}
