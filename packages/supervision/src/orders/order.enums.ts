import { registerEnumType } from "type-graphql";

/** The three levels of a supervision order (督办单), lowest first; an unanswered order rises one level. */
export enum OrderLevel {
  /** 提醒 — a reminder. */
  REMINDER = "REMINDER",
  /** 督办 — formal supervision. */
  FORMAL = "FORMAL",
  /** 挂牌督办 — listed supervision, reported to the leadership. */
  LISTED = "LISTED",
}

/** The levels in escalation order. */
export const ORDER_LEVELS: readonly OrderLevel[] = [OrderLevel.REMINDER, OrderLevel.FORMAL, OrderLevel.LISTED];

/** Where an order is in its life; only order-lifecycle.ts changes it. */
export enum OrderState {
  /** Waiting for the unit's answer (also after a send-back or an escalation). */
  OPEN = "OPEN",
  /** The unit answered; waiting for the supervisor. */
  ANSWERED = "ANSWERED",
  /** The supervisor closed it as satisfied. */
  CLOSED = "CLOSED",
}

/** What happened to an order (its own timeline). */
export enum OrderAction {
  ISSUED = "ISSUED",
  ANSWERED = "ANSWERED",
  ESCALATED = "ESCALATED",
  SENT_BACK = "SENT_BACK",
  CLOSED = "CLOSED",
}

registerEnumType(OrderLevel, {
  name: "SupervisionOrderLevel",
  description: "The level of a supervision order (督办单); an order unanswered by its deadline rises one level.",
  valuesConfig: {
    REMINDER: { description: "提醒 — a reminder." },
    FORMAL: { description: "督办 — formal supervision." },
    LISTED: { description: "挂牌督办 — listed supervision, reported to the leadership." },
  },
});
registerEnumType(OrderState, {
  name: "SupervisionOrderState",
  description: "Where a supervision order is in its life.",
  valuesConfig: {
    OPEN: { description: "Waiting for the unit's answer (also after a send-back or an escalation)." },
    ANSWERED: { description: "The unit answered; the supervisor closes it or sends it back." },
    CLOSED: { description: "Closed by the supervisor as satisfied." },
  },
});
registerEnumType(OrderAction, {
  name: "SupervisionOrderAction",
  description: "A step in a supervision order's timeline.",
  valuesConfig: {
    ISSUED: { description: "The order was issued (by a supervisor, or automatically when the ticket became overdue)." },
    ANSWERED: { description: "The unit answered: what was done and when it will be finished." },
    ESCALATED: { description: "The order rose one level (by hand, or by itself when its deadline passed unanswered)." },
    SENT_BACK: { description: "The supervisor was not satisfied and reopened it with a new deadline." },
    CLOSED: { description: "The supervisor closed it as satisfied." },
  },
});
