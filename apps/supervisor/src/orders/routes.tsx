import { appNavItem, EmptyState, type NavItem } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useOrderT } from "./messages.ts";
import "./orders.css";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const OrderDetailPage = lazy(() => import("./OrderDetailPage.tsx").then((module) => ({ default: module.OrderDetailPage })));
const OrdersPage = lazy(() => import("./OrdersPage.tsx").then((module) => ({ default: module.OrdersPage })));

export const ORDERS_PATH = "orders";
/** Who reads orders (as the API allows), who acts on them, who changes the settings. */
const READERS = ["SUPERVISOR", "ADMIN", "LEADER", "DISPATCHER"];
const ACTORS = ["SUPERVISOR", "ADMIN"];
const SETTINGS_EDITORS = ["ADMIN"];

export function isOrdersPath(path: string): boolean {
  return path === ORDERS_PATH || path.startsWith(`${ORDERS_PATH}/`);
}

/** Nav entry: the supervision orders list. */
export function ordersNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return roles.some((role) => READERS.includes(role)) ? [appNavItem(ORDERS_PATH, label, isOrdersPath(path))] : [];
}

/** `orders` (the list) and `orders/<id>` (one order), or "not available" for other roles. */
export function OrdersRoutes({ path, roles }: { path: string; roles: readonly string[] }): ReactNode {
  const t = useOrderT();
  if (!roles.some((role) => READERS.includes(role))) {
    return <EmptyState testId="orders-forbidden" title={t("so.forbidden")} />;
  }
  const canAct = roles.some((role) => ACTORS.includes(role));
  const id = path.slice(ORDERS_PATH.length + 1);
  return id ? <OrderDetailPage key={id} orderId={id} canAct={canAct} /> : <OrdersPage canEditSettings={roles.some((role) => SETTINGS_EDITORS.includes(role))} />;
}
