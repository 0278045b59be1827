import { registerEnumType } from "type-graphql";

/** Staff and client roles. A handler belongs to a unit; an integrator is an API client. */
export enum Role {
  OPERATOR = "operator",
  DISPATCHER = "dispatcher",
  HANDLER = "handler",
  SUPERVISOR = "supervisor",
  CALLBACK_AGENT = "callback_agent",
  QA_INSPECTOR = "qa_inspector",
  LEADER = "leader",
  ADMIN = "admin",
  INTEGRATOR = "integrator",
}

registerEnumType(Role, {
  name: "Role",
  description: "What a staff member or API client may do.",
  valuesConfig: {
    OPERATOR: { description: "Call-taker (话务员): answers calls, logs and answers requests." },
    DISPATCHER: { description: "Dispatcher (派单员): dispatches tickets and reviews returns." },
    HANDLER: { description: "Staff of a handling unit (承办单位); sees only the unit's tickets." },
    SUPERVISOR: { description: "Supervisor (督办员): chases overdue and disputed tickets." },
    CALLBACK_AGENT: { description: "Callback agent (回访员): calls citizens back." },
    QA_INSPECTOR: { description: "QA inspector (质检员): samples and scores calls." },
    LEADER: { description: "A leader who takes calls and reads the figures." },
    ADMIN: { description: "Administrator: categories, units, catalogue, calendars, users." },
    INTEGRATOR: { description: "Another system using the API with an API key." },
  },
});

/** Everyone who works inside the hotline (every role but the integrator). */
export const STAFF_ROLES: readonly Role[] = Object.values(Role).filter((role) => role !== Role.INTEGRATOR);

/** Roles that see callers' phone numbers in full; everybody else sees them masked. */
export const FULL_PHONE_ROLES: readonly Role[] = [Role.OPERATOR, Role.CALLBACK_AGENT];
