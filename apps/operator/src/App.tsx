import { AppLayout, appNavItem, EmptyState, Loading, NotificationBell, StaffGate, ticketPageNumber, useAppPath } from "@civicline/ui";
import { lazy, Suspense } from "react";
import { isKnowledgePath, KnowledgeRoutes, knowledgeNavItems } from "./knowledge/routes.tsx";
import { CallbackRoutes, callbackNavItems, isCallbackAgentOnly, isCallbackPath } from "./callback/routes.tsx";
import type { DeskView } from "./call/CallDesk.tsx";
import { CALL_PATH } from "./call/shortcuts.ts";
import { useOperatorT } from "./messages.ts";
import { notificationDocuments, staffDocuments } from "./staff.ts";
import { landingPath, mayUse, OPERATOR_LANDING, QUEUE_PATH } from "./landing.ts";
import { isTicketSearchPath, TicketSearchRoutes, ticketSearchNavItems } from "./tickets/search/routes.tsx";
import { useTicketSearchT } from "./tickets/search/messages.ts";
import { isRoutingPath, isUnitStaffOnly, RoutingRoutes, routingNavItems } from "./workbench/routes.tsx";
import { isMyQaPath, myQaNavItems, useMyQaNavT } from "./qa/nav.ts";

// The desk, the queue and the ticket page are chunks of their own like every feature's pages
// (issue 15: the first JavaScript is the shell and the sign-in); one Suspense shows progress.
const CallDesk = lazy(() => import("./call/CallDesk.tsx").then((module) => ({ default: module.CallDesk })));
const QueuePage = lazy(() => import("./queue/QueuePage.tsx").then((module) => ({ default: module.QueuePage })));
const MyQaRoutes = lazy(() => import("./qa/routes.tsx").then((module) => ({ default: module.MyQaRoutes })));
const OperatorTicketPage = lazy(() => import("./tickets/page/TicketPageRoute.tsx").then((module) => ({ default: module.OperatorTicketPage })));

/** Operator workbench: sign in, then the queues and the call screen; the knowledge base under knowledge/. */
export function App() {
  const t = useOperatorT();
  const tSearch = useTicketSearchT();
  const tQa = useMyQaNavT();
  const { path: requested, search } = useAppPath();
  return (
    <StaffGate title={t("app.title")} documents={staffDocuments}>
      {({ viewer, logout }) => {
        // Each role opens on a page of its own (landing.ts); the call desk and the queues only for the roles that may use them.
        const path = requested === "" ? (landingPath(viewer.roles, OPERATOR_LANDING) ?? QUEUE_PATH) : requested;
        const knowledge = isKnowledgePath(path);
        const routing = isRoutingPath(path);
        const callback = isCallbackPath(path);
        const ticketNumber = ticketPageNumber(path);
        const view: DeskView = path === CALL_PATH ? "call" : path === QUEUE_PATH ? "queue" : "other";
        const desk = mayUse("callDesk", viewer.roles);
        const queue = mayUse("queue", viewer.roles);
        // Handling-unit staff and callback agents have no call desk: their homes are the unit workbench and the callback queue.
        const unitStaff = isUnitStaffOnly(viewer.roles);
        const callbackOnly = isCallbackAgentOnly(viewer.roles);
        const route = ticketNumber ? (
          <OperatorTicketPage trackingNumber={ticketNumber} roles={viewer.roles} />
        ) : isMyQaPath(path) ? (
          <MyQaRoutes roles={viewer.roles} />
        ) : isTicketSearchPath(path) ? (
          <TicketSearchRoutes roles={viewer.roles} />
        ) : knowledge ? (
          <KnowledgeRoutes path={path} roles={viewer.roles} />
        ) : routing || unitStaff ? (
          <RoutingRoutes path={path} roles={viewer.roles} />
        ) : callback || callbackOnly ? (
          <CallbackRoutes path={path} search={search} roles={viewer.roles} />
        ) : null;
        // A page loading its chunk shows progress in its own place; the call desk around it stays.
        const page = route ? <Suspense fallback={<Loading />}>{route}</Suspense> : null;
        return (
          <AppLayout
            title={unitStaff ? t("nav.workbench") : callbackOnly ? t("app.callbackTitle") : t("app.title")}
            nav={[
              ...(queue ? [appNavItem(QUEUE_PATH, t("nav.queue"), view === "queue")] : []),
              ...(desk ? [appNavItem(CALL_PATH, t("nav.call"), view === "call")] : []),
              ...callbackNavItems(path, search, viewer.roles, { queue: t("nav.callback"), missed: t("nav.missedCalls") }),
              ...routingNavItems(path, viewer.roles, { workbench: t("nav.workbench"), dispatch: t("nav.dispatch") }),
              ...knowledgeNavItems(path, viewer.roles, { search: t("nav.knowledge"), editor: t("nav.myArticles") }),
              ...ticketSearchNavItems(path, viewer.roles, tSearch("ts.nav")),
              ...myQaNavItems(path, viewer.roles, tQa("mq.nav")),
            ]}
            user={viewer}
            tools={<NotificationBell documents={notificationDocuments} />}
            onLogout={() => void logout()}
          >
            <Suspense fallback={<Loading />}>
              {desk ? (
                <CallDesk view={view}>{page}</CallDesk>
              ) : view === "other" ? (
                page
              ) : view === "queue" && queue ? (
                <QueuePage />
              ) : (
                <EmptyState testId="page-not-for-role" title={t("error.FORBIDDEN")} />
              )}
            </Suspense>
          </AppLayout>
        );
      }}
    </StaffGate>
  );
}
