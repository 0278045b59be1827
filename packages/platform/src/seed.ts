import { createApiKey, upsertUser } from "./auth/auth.service.js";
import { Role } from "./auth/roles.js";
import type { SeedContext } from "./module.js";

/** The password of every demo account (written in the README). */
export const DEMO_PASSWORD = "civicline-demo";
/** The demo integrator API key for telephony and Open311 clients (written in the README). */
export const DEMO_API_KEY = "cl_demo_integrator_0123456789abcdef";

/** Centre staff: one account per role (handlers are seeded by routing, which owns the units). */
export const DEMO_STAFF: ReadonlyArray<{ username: string; displayName: string; roles: Role[]; seat?: string }> = [
  { username: "operator", displayName: "王敏 (Operator)", roles: [Role.OPERATOR], seat: "A01" },
  { username: "dispatcher", displayName: "李强 (Dispatcher)", roles: [Role.DISPATCHER] },
  { username: "supervisor", displayName: "张静 (Supervisor)", roles: [Role.SUPERVISOR] },
  { username: "complaints", displayName: "陈主任 (Complaint centre)", roles: [Role.SUPERVISOR] },
  { username: "callback", displayName: "赵丽 (Callback agent)", roles: [Role.CALLBACK_AGENT] },
  { username: "qa", displayName: "刘洋 (QA inspector)", roles: [Role.QA_INSPECTOR] },
  { username: "leader", displayName: "陈军 (Leader)", roles: [Role.LEADER] },
  { username: "admin", displayName: "系统管理员 (Admin)", roles: [Role.ADMIN] },
];

export async function seedPlatformDemo({ manager, log }: SeedContext): Promise<void> {
  for (const staff of DEMO_STAFF) {
    await upsertUser(manager, { ...staff, password: DEMO_PASSWORD });
  }
  await createApiKey(manager, { name: "Demo integrator (telephony, Open311)", key: DEMO_API_KEY });
  log.info({ accounts: DEMO_STAFF.length }, "demo staff accounts and integrator key seeded");
}
