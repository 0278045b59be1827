import { AppLayout, appNavItem, NotificationBell, StaffGate, ticketPageNumber, useAppPath } from "@civicline/ui";
import { isKnowledgePath, KnowledgeRoutes, knowledgeNavItems } from "./knowledge/routes.tsx";
import { CallbackRoutes, callbackNavItems, isCallbackAgentOnly, isCallbackPath } from "./callback/routes.tsx";
import { CallDesk, type DeskView } from "./call/CallDesk.tsx";
import { CALL_PATH } from "./call/shortcuts.ts";
import { useOperatorT } from "./messages.ts";
import { notificationDocuments, staffDocuments } from "./staff.ts";
import { OperatorTicketPage } from "./tickets/page/TicketPageRoute.tsx";
import { isRoutingPath, isUnitStaffOnly, RoutingRoutes, routingNavItems } from "./workbench/routes.tsx";

/** Operator workbench: sign in, then the queues and the call screen; the knowledge base under knowledge/. */
export function App() {
  const t = useOperatorT();
  const { path, search } = useAppPath();
  const knowledge = isKnowledgePath(path);
  const routing = isRoutingPath(path);
  const callback = isCallbackPath(path);
  const ticketNumber = ticketPageNumber(path);
  const view: DeskView = ticketNumber || knowledge || routing || callback ? "other" : path === CALL_PATH ? "call" : "queue";
  return (
    <StaffGate title={t("app.title")} documents={staffDocuments}>
      {({ viewer, logout }) => {
        // Handling-unit staff and callback agents have no call desk: their homes are the unit workbench and the callback queue.
        const unitStaff = isUnitStaffOnly(viewer.roles);
        const callbackOnly = isCallbackAgentOnly(viewer.roles);
        const page = ticketNumber ? (
          <OperatorTicketPage trackingNumber={ticketNumber} roles={viewer.roles} />
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
              ...(unitStaff || callbackOnly ? [] : [appNavItem("", t("nav.queue"), view === "queue"), appNavItem(CALL_PATH, t("nav.call"), view === "call")]),
              ...callbackNavItems(path, search, viewer.roles, { queue: t("nav.callback"), missed: t("nav.missedCalls") }),
              ...routingNavItems(path, viewer.roles, { workbench: t("nav.workbench"), dispatch: t("nav.dispatch") }),
              ...knowledgeNavItems(path, viewer.roles, { search: t("nav.knowledge"), editor: t("nav.myArticles") }),
            ]}
            user={viewer}
            tools={<NotificationBell documents={notificationDocuments} />}
            onLogout={() => void logout()}
          >
            {unitStaff || callbackOnly ? page : <CallDesk view={view}>{page}</CallDesk>}
          </AppLayout>
        );
      }}
    </StaffGate>
  );
}
