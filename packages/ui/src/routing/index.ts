/** Routing's shared pieces (issue 5): deadline countdown, routing wording, rule text, cache identities. */
export { routingTypePolicies } from "./cache.ts";
export {
  describeDeadline,
  formatCalendarSpan,
  formatMinutes,
  formatWorkingDays,
  type DeadlineDescription,
  type DeadlineInput,
  type DeadlineState,
} from "./deadline.ts";
export { DeadlineCountdown, useNow, type DeadlineCountdownProps } from "./DeadlineCountdown.tsx";
export { isRoutingErrorCode, ROUTING_ERROR_CODES, useRoutingErrorMessage, useRoutingT, type RoutingErrorCode } from "./i18n.ts";
export { routingMessages, type RoutingMessageKey } from "./messages.ts";
export { useRuleText, type RuleLike } from "./rules.ts";
