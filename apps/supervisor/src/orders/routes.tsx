import { EmptyState } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useOrderT } from "./messages.ts";
import { ACTORS, ORDERS_PATH, READERS, SETTINGS_EDITORS } from "./nav.ts";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const OrderDetailPage = lazy(() => import("./OrderDetailPage.tsx").then((module) => ({ default: module.OrderDetailPage })));
const OrdersPage = lazy(() => import("./OrdersPage.tsx").then((module) => ({ default: module.OrdersPage })));

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
