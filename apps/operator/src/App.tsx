import { AppLayout, appNavItem, EmptyState, NotificationBell, StaffGate, ticketPageNumber, useAppPath } from "@civicline/ui";
import { isKnowledgePath, KnowledgeRoutes, knowledgeNavItems } from "./knowledge/routes.tsx";
import { CallbackRoutes, callbackNavItems, isCallbackAgentOnly, isCallbackPath } from "./callback/routes.tsx";
import { CallDesk, type DeskView } from "./call/CallDesk.tsx";
import { CALL_PATH } from "./call/shortcuts.ts";
import { useOperatorT } from "./messages.ts";
import { notificationDocuments, staffDocuments } from "./staff.ts";
import { landingPath, mayUse, OPERATOR_LANDING, QUEUE_PATH } from "./landing.ts";
import { QueuePage } from "./queue/QueuePage.tsx";
import { OperatorTicketPage } from "./tickets/page/TicketPageRoute.tsx";
import { isTicketSearchPath, TicketSearchRoutes, ticketSearchNavItems } from "./tickets/search/routes.tsx";
import { useTicketSearchT } from "./tickets/search/messages.ts";
import { isRoutingPath, isUnitStaffOnly, RoutingRoutes, routingNavItems } from "./workbench/routes.tsx";

/** Operator workbench: sign in, then the queues and the call screen; the knowledge base under knowledge/. */
export function App() {
  const t = useOperatorT();
  const tSearch = useTicketSearchT();
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
        const page = ticketNumber ? (
          <OperatorTicketPage trackingNumber={ticketNumber} roles={viewer.roles} />
        ) : isTicketSearchPath(path) ? (
          <TicketSearchRoutes roles={viewer.roles} />
        ) : knowledge ? (
          <KnowledgeRoutes path={path} roles={viewer.roles} />
        ) : routing || unitStaff ? (
          <RoutingRoutes path={path} roles={viewer.roles} />
        ) : callback || callbackOnly ? (
          <CallbackRoutes path={path} search={search} roles={viewer.roles} />
        ) : null;
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
            ]}
            user={viewer}
            tools={<NotificationBell documents={notificationDocuments} />}
            onLogout={() => void logout()}
          >
            {desk ? (
              <CallDesk view={view}>{page}</CallDesk>
            ) : view === "other" ? (
              page
            ) : view === "queue" && queue ? (
              <QueuePage />
            ) : (
              <EmptyState testId="page-not-for-role" title={t("error.FORBIDDEN")} />
            )}
          </AppLayout>
        );
      }}
    </StaffGate>
  );
}
