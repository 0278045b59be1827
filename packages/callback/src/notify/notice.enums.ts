import { registerEnumType } from "type-graphql";

/** The steps of a ticket a citizen is texted about. */
export enum NoticeStep {
  RECEIVED = "received",
  DISPATCHED = "dispatched",
  REPLIED = "replied",
  CLOSED = "closed",
}

/** The languages a citizen can be texted in. */
export enum NoticeLocale {
  ZH_CN = "zh-CN",
  EN = "en",
}

/** Where one text is: waiting (first try or a retry), sent, or given up after the last retry. */
export enum NoticeState {
  PENDING = "pending",
  SENT = "sent",
  FAILED = "failed",
}

registerEnumType(NoticeStep, {
  name: "NoticeStep",
  description: "A step of a ticket the citizen (and every co-reporter) is texted about.",
  valuesConfig: {
    RECEIVED: { description: "The request was received: the tracking number and the link to follow it." },
    DISPATCHED: { description: "The request was dispatched: to which unit, and by when it must be completed." },
    REPLIED: { description: "The unit replied: the link to read the reply and rate it." },
    CLOSED: { description: "The request was closed." },
  },
});
registerEnumType(NoticeLocale, {
  name: "NoticeLocale",
  description: "The language of a text message to a citizen.",
  valuesConfig: {
    ZH_CN: { description: "简体中文." },
    EN: { description: "English." },
  },
});
registerEnumType(NoticeState, {
  name: "NoticeState",
  description: "Where a text message to a citizen is.",
  valuesConfig: {
    PENDING: { description: "Waiting to be sent (first try or a retry)." },
    SENT: { description: "Handed to the SMS provider." },
    FAILED: { description: "Given up after the last retry (logged; the citizen is never shown it)." },
  },
});
