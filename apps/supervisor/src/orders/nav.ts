import { appNavItem, type NavItem } from "@civicline/ui";
import "./orders.css";

// The paths, role lists and nav entries alone, without the pages' wording: the app's first chunk
// imports this file, routes.tsx is a chunk of its own (issue 15).

export const ORDERS_PATH = "orders";
/** Who reads orders (as the API allows), who acts on them, who changes the settings. */
export const READERS = ["SUPERVISOR", "ADMIN", "LEADER", "DISPATCHER"];
export const ACTORS = ["SUPERVISOR", "ADMIN"];
export const SETTINGS_EDITORS = ["ADMIN"];

export function isOrdersPath(path: string): boolean {
  return path === ORDERS_PATH || path.startsWith(`${ORDERS_PATH}/`);
}

/** Nav entry: the supervision orders list. */
export function ordersNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return roles.some((role) => READERS.includes(role)) ? [appNavItem(ORDERS_PATH, label, isOrdersPath(path))] : [];
}
