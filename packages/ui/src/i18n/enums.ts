import { enumLabelOf } from "./enumLabels.ts";
import type { Language } from "./languages.ts";

/** Mirrors of the schema enums the apps type against; their labels live in `enumLabels.ts`. */
export type RequestType = "CONSULTATION" | "HELP" | "COMPLAINT" | "SUGGESTION" | "REPORT" | "PRAISE" | "OTHER";
export type TicketStatus =
  | "RECEIVED"
  | "AWAITING_DISPATCH"
  | "CLOSED_DIRECT"
  | "DISPATCHED"
  | "SIGNED_FOR"
  | "IN_PROGRESS"
  | "REPLIED"
  | "CLOSED"
  | "MERGED";
export type Channel = "PHONE" | "PORTAL" | "OPEN311" | "API" | "SMS_WECHAT" | "EMAIL" | "WALK_IN";
export type Urgency = "NORMAL" | "URGENT" | "EMERGENCY";
export type Role =
  | "OPERATOR"
  | "DISPATCHER"
  | "HANDLER"
  | "SUPERVISOR"
  | "CALLBACK_AGENT"
  | "QA_INSPECTOR"
  | "LEADER"
  | "ADMIN"
  | "INTEGRATOR";

export const REQUEST_TYPES: readonly RequestType[] = [
  "CONSULTATION",
  "HELP",
  "COMPLAINT",
  "SUGGESTION",
  "REPORT",
  "PRAISE",
  "OTHER",
];

/** Enum names the catalogue holds (`enumLabels.ts`); any schema enum name is accepted. */
export type EnumName = string;

/**
 * Localized label of an enum value. A value the UI does not know yet (the server added one)
 * is shown as sent rather than hidden.
 */
export function enumLabel(language: Language, name: EnumName, value: string): string {
  return enumLabelOf(language, name, value);
}
