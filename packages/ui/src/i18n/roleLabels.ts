import type { Language } from "./languages.ts";

// The staff roles' labels, a module of their own: the header shows them (AppLayout), and the full
// enum catalogue (enumLabels.ts, which uses these as its Role entries) stays out of a first chunk
// that needs nothing else from it (issue 15).

export const ROLE_LABELS_EN: Record<string, string> = {
    OPERATOR: "Call-taker",
    DISPATCHER: "Dispatcher",
    HANDLER: "Handling unit",
    SUPERVISOR: "Supervisor",
    CALLBACK_AGENT: "Callback agent",
    QA_INSPECTOR: "QA inspector",
    LEADER: "Leader",
    ADMIN: "Administrator",
    INTEGRATOR: "Integrator",
};

export const ROLE_LABELS_ZH: Record<string, string> = {
    OPERATOR: "话务员",
    DISPATCHER: "派单员",
    HANDLER: "承办人员",
    SUPERVISOR: "督办员",
    CALLBACK_AGENT: "回访员",
    QA_INSPECTOR: "质检员",
    LEADER: "领导",
    ADMIN: "系统管理员",
    INTEGRATOR: "对接系统",
};

/** A role's label in `language`; an unknown role is shown as sent. */
export function roleLabel(language: Language, role: string): string {
  return (language === "en" ? ROLE_LABELS_EN : ROLE_LABELS_ZH)[role] ?? role;
}
