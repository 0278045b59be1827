import { AppLayout, appNavItem, Loading, NotificationBell, StaffGate, ticketPageNumber, useAppPath } from "@civicline/ui";
import { lazy, Suspense } from "react";
import { CallbackRoutes, callbackNavItems, isCallbackPath } from "./callback/routes.tsx";
import { AdminCategoriesRoutes, adminCategoriesNavItems, isAdminCategoriesPath } from "./admin/categories/routes.tsx";
import { useAdminCategoryT } from "./admin/categories/messages.ts";
import { AdminMessagesRoutes, adminMessagesNavItems, isAdminMessagesPath } from "./admin/messages/routes.tsx";
import { useAdminMessageT } from "./admin/messages/messages.ts";
import { AdminIntegratorsRoutes, adminIntegratorsNavItems, isAdminIntegratorsPath } from "./admin/integrators/routes.tsx";
import { useIntegratorT } from "./admin/integrators/messages.ts";
import { AccountsRoutes, accountsNavItems, isAccountsPath } from "./admin/accounts/routes.tsx";
import { useAccountT } from "./admin/accounts/messages.ts";
import { AuditRoutes, auditNavItems, isAuditPath } from "./admin/audit/routes.tsx";
import { useAuditT } from "./admin/audit/messages.ts";
import { CatalogRoutes, catalogNavItems, isCatalogPath } from "./catalog/routes.tsx";
import { ChasingRoutes, chasingNavItems, isChasingPath } from "./chasing/routes.tsx";
import { useChasingT } from "./chasing/messages.ts";
import { isJointPath, JointRoutes, jointNavItems } from "./joint/routes.tsx";
import { useJointT } from "./joint/messages.ts";
import { isKnowledgePath, KnowledgeRoutes, knowledgeNavItems } from "./knowledge/routes.tsx";
import { groupNav } from "./layout/navGroups.ts";
import { isLeaderPath, LeaderRoutes, leaderNavItems } from "./leader/routes.tsx";
import { useLeaderT } from "./leader/messages.ts";
import { useSupervisorT } from "./messages.ts";
import { useOrderT } from "./orders/messages.ts";
import { isOrdersPath, OrdersRoutes, ordersNavItems } from "./orders/routes.tsx";
import { isRoutingPath, RoutingRoutes, routingNavItems } from "./routing/routes.tsx";
import { notificationDocuments, staffDocuments } from "./staff.ts";
import { isTicketSearchPath, TicketSearchRoutes, ticketSearchNavItems } from "./tickets/search/routes.tsx";
import { useTicketSearchT } from "./tickets/search/messages.ts";
import { HotRoutes, hotNavItems, isHotPath, useHotT } from "./measures/hot/index.ts";
import { isRankingPath, RankingRoutes, rankingNavItems, useRankingT } from "./measures/ranking/index.ts";
import { dashboardReplacesOverview, isMeasuresDashboardPath, MeasuresDashboardRoutes, measuresNavItems } from "./measures/dashboard/routes.tsx";
import { isWallPath, WallRoutes, wallNavItems } from "./measures/wall/routes.tsx";
import { isReportPath, ReportRoutes, reportNavItems } from "./measures/report/routes.tsx";
import { useReportT } from "./measures/report/messages.ts";
import { ELSEWHERE_PATH, GoToLanding, mayUseOverview, OVERVIEW_PATH, SupervisorElsewhere } from "./landing.tsx";
import { isQaManagePath, qaManageNavItems, useQaManageNavT } from "./qa/manage/nav.ts";
import { useQaViewer } from "./qa/manage/useQaViewer.ts";
import { isQaInspectPath, qaInspectNavItems, useQaInspectNavT } from "./qa/inspect/nav.ts";

// The overview, the ticket page and the admin's calendar banner are chunks of their own too (issue 15).
const Dashboard = lazy(() => import("./dashboard/Dashboard.tsx").then((module) => ({ default: module.Dashboard })));
const SupervisorTicketPage = lazy(() => import("./tickets/page/TicketPageRoute.tsx").then((module) => ({ default: module.SupervisorTicketPage })));
const CalendarCoverageBanner = lazy(() => import("./routing/calendar/CalendarCoverageBanner.tsx").then((module) => ({ default: module.CalendarCoverageBanner })));

// The QA inspection pages are a chunk of their own (issue 15: the first JavaScript stays small).
const QaInspectRoutes = lazy(() => import("./qa/inspect/routes.tsx").then((module) => ({ default: module.QaInspectRoutes })));
// So are the QA management pages (roster, score forms, weekly review, monthly assessment).
const QaManageRoutes = lazy(() => import("./qa/manage/routes.tsx").then((module) => ({ default: module.QaManageRoutes })));

/** Supervisor console: sign in, then the overview; the knowledge base's review, statistics and editor under knowledge/. */
export function App() {
  const t = useSupervisorT();
  const tReport = useReportT();
  const { path } = useAppPath();
  const knowledge = isKnowledgePath(path);
  const routing = isRoutingPath(path);
  const callback = isCallbackPath(path);
  const tJoint = useJointT();
  const joint = isJointPath(path);
  const ticketNumber = ticketPageNumber(path);
  const tLeader = useLeaderT();
  const tOrders = useOrderT();
  const orders = isOrdersPath(path);
  const tChasing = useChasingT();
  const chasing = isChasingPath(path);
  const tSearch = useTicketSearchT();
  const tRanking = useRankingT();
  const tHot = useHotT();
  const tCategories = useAdminCategoryT();
  const tIntegrators = useIntegratorT();
  const tAccounts = useAccountT();
  const tAudit = useAuditT();
  const tMessages = useAdminMessageT();
  const ticketSearch = isTicketSearchPath(path);
  const qa = useQaViewer();
  const tQa = useQaManageNavT();
  const tQaInspect = useQaInspectNavT();
  return (
    <StaffGate title={t("app.title")} documents={staffDocuments}>
      {({ viewer, logout }) => {
        if (path === "") {
          return <GoToLanding roles={viewer.roles} />;
        }
        if (isWallPath(path)) {
          // The wall display: full screen, no header.
          return (
            <Suspense fallback={<Loading />}>
              <WallRoutes roles={viewer.roles} />
            </Suspense>
          );
        }
        const leader = isLeaderPath(path);
        return (
        <AppLayout
          title={t("app.title")}
          nav={groupNav([
            ...measuresNavItems(path, viewer.roles, t("nav.measures")),
            ...wallNavItems(path, viewer.roles, t("nav.wall")),
            ...reportNavItems(path, viewer.roles, tReport("rpt.nav")),
            ...(mayUseOverview(viewer.roles) && !dashboardReplacesOverview(viewer.roles) ? [appNavItem(OVERVIEW_PATH, t("nav.overview"), path === OVERVIEW_PATH)] : []),
            ...rankingNavItems(path, viewer.roles, tRanking("rk.nav")),
            ...hotNavItems(path, viewer.roles, tHot("hot.nav")),
            ...chasingNavItems(path, viewer.roles, tChasing("ch.title")),
            ...qaInspectNavItems(path, viewer.roles, qa.ledTeamIds.length > 0, { queue: tQaInspect("qi.nav.queue"), appeals: tQaInspect("qi.nav.appeals") }),
            ...qaManageNavItems(path, viewer.roles, qa, tQa),
            ...ticketSearchNavItems(path, viewer.roles, tSearch("ts.nav")),
            ...leaderNavItems(path, viewer.roles, { page: tLeader("ld.nav.page"), sessions: tLeader("ld.nav.sessions"), cases: tLeader("ld.nav.cases") }),
            ...ordersNavItems(path, viewer.roles, tOrders("so.nav")),
            ...jointNavItems(path, viewer.roles, tJoint("jt.nav")),
            ...callbackNavItems(path, viewer.roles, { reReports: t("nav.reReports"), settings: t("nav.callbackSettings") }),
            ...routingNavItems(path, viewer.roles, { extensions: t("nav.extensions"), rules: t("nav.dispatchRules"), units: t("nav.units"), calendar: t("nav.calendar") }),
            ...catalogNavItems(path, viewer.roles, t("nav.categoryKeywords")),
            ...adminCategoriesNavItems(path, viewer.roles, tCategories("ac.nav")),
            ...accountsNavItems(path, viewer.roles, tAccounts("sa.nav")),
            ...adminIntegratorsNavItems(path, viewer.roles, tIntegrators("ai.nav")),
            ...auditNavItems(path, viewer.roles, tAudit("al.nav")),
            ...adminMessagesNavItems(path, viewer.roles, tMessages("am.nav")),
            ...knowledgeNavItems(path, viewer.roles, {
              review: t("nav.kbReview"),
              stats: t("nav.kbStats"),
              transfer: t("nav.kbTransfer"),
              editor: t("nav.myArticles"),
            }),
          ], { supervision: t("nav.group.supervision"), callback: t("nav.group.callback"), dispatch: t("nav.group.dispatch"), knowledge: t("nav.group.knowledge"), admin: t("nav.group.admin"), measures: t("nav.group.measures"), qa: t("nav.group.qa") })}
          user={viewer}
          tools={<NotificationBell documents={notificationDocuments} />}
          onLogout={() => void logout()}
        >
          {viewer.roles.includes("ADMIN") ? (
            <Suspense fallback={null}>
              <CalendarCoverageBanner />
            </Suspense>
          ) : null}
          {/* Feature pages are chunks of their own (issue 15): one progress indicator while one loads. */}
          <Suspense fallback={<Loading />}>
          {isMeasuresDashboardPath(path) ? (
            <MeasuresDashboardRoutes roles={viewer.roles} />
          ) : isReportPath(path) ? (
            <ReportRoutes roles={viewer.roles} />
          ) : ticketNumber ? (
            <SupervisorTicketPage trackingNumber={ticketNumber} roles={viewer.roles} />
          ) : isRankingPath(path) ? (
            <RankingRoutes roles={viewer.roles} />
          ) : isHotPath(path) ? (
            <HotRoutes roles={viewer.roles} />
          ) : ticketSearch ? (
            <TicketSearchRoutes roles={viewer.roles} />
          ) : isQaInspectPath(path) ? (
            <QaInspectRoutes path={path} roles={viewer.roles} />
          ) : isQaManagePath(path) ? (
            <QaManageRoutes path={path} roles={viewer.roles} qa={qa} />
          ) : knowledge ? (
            <KnowledgeRoutes path={path} roles={viewer.roles} />
          ) : routing ? (
            <RoutingRoutes path={path} roles={viewer.roles} />
          ) : isCatalogPath(path) ? (
            <CatalogRoutes path={path} roles={viewer.roles} />
          ) : isAdminCategoriesPath(path) ? (
            <AdminCategoriesRoutes roles={viewer.roles} />
          ) : isAccountsPath(path) ? (
            <AccountsRoutes path={path} roles={viewer.roles} />
          ) : isAuditPath(path) ? (
            <AuditRoutes roles={viewer.roles} />
          ) : isAdminIntegratorsPath(path) ? (
            <AdminIntegratorsRoutes path={path} roles={viewer.roles} />
          ) : isAdminMessagesPath(path) ? (
            <AdminMessagesRoutes roles={viewer.roles} />
          ) : leader ? (
            <LeaderRoutes path={path} roles={viewer.roles} />
          ) : chasing ? (
            <ChasingRoutes roles={viewer.roles} />
          ) : orders ? (
            <OrdersRoutes path={path} roles={viewer.roles} />
          ) : joint ? (
            <JointRoutes path={path} roles={viewer.roles} />
          ) : callback ? (
            <CallbackRoutes path={path} roles={viewer.roles} />
          ) : path === ELSEWHERE_PATH || !mayUseOverview(viewer.roles) ? (
            <SupervisorElsewhere roles={viewer.roles} />
          ) : (
            <Dashboard roles={viewer.roles} />
          )}
          </Suspense>
        </AppLayout>
        );
      }}
    </StaffGate>
  );
}
