import { AppLayout, appNavItem, Loading, NotificationBell, StaffGate, ticketPageNumber, useAppPath } from "@civicline/ui";
import { lazy, Suspense } from "react";
import { callbackNavItems, isCallbackPath } from "./callback/nav.ts";
import { adminCategoriesNavItems, isAdminCategoriesPath } from "./admin/categories/nav.ts";
import { adminMessagesNavItems, isAdminMessagesPath } from "./admin/messages/nav.ts";
import { adminIntegratorsNavItems, isAdminIntegratorsPath } from "./admin/integrators/nav.ts";
import { accountsNavItems, isAccountsPath } from "./admin/accounts/nav.ts";
import { auditNavItems, isAuditPath } from "./admin/audit/nav.ts";
import { catalogNavItems, isCatalogPath } from "./catalog/nav.ts";
import { chasingNavItems, isChasingPath } from "./chasing/nav.ts";
import { isJointPath, jointNavItems } from "./joint/nav.ts";
import { isKnowledgePath, knowledgeNavItems } from "./knowledge/nav.ts";
import { groupNav } from "./layout/navGroups.ts";
import { isLeaderPath, leaderNavItems } from "./leader/nav.ts";
import { useSupervisorT } from "./messages.ts";
import { isOrdersPath, ordersNavItems } from "./orders/nav.ts";
import { isRoutingPath, routingNavItems } from "./routing/nav.ts";
import { notificationDocuments, staffDocuments } from "./staff.ts";
import { isTicketSearchPath, ticketSearchNavItems } from "./tickets/search/nav.ts";
import { hotNavItems, isHotPath } from "./measures/hot/nav.ts";
import { isRankingPath, rankingNavItems } from "./measures/ranking/nav.ts";
import { dashboardReplacesOverview, isMeasuresDashboardPath, measuresNavItems } from "./measures/dashboard/nav.ts";
import { isWallPath, wallNavItems } from "./measures/wall/nav.ts";
import { isReportPath, reportNavItems } from "./measures/report/nav.ts";
import { ELSEWHERE_PATH, GoToLanding, landingLeadsTeam, mayUseOverview, OVERVIEW_PATH, SupervisorElsewhere } from "./landing.tsx";
import { isQaManagePath, qaManageNavItems, useQaManageNavT } from "./qa/manage/nav.ts";
import { useQaViewer } from "./qa/manage/useQaViewer.ts";
import { isQaInspectPath, qaInspectNavItems, useQaInspectNavT } from "./qa/inspect/nav.ts";

// The overview, the ticket page and the admin's calendar banner are chunks of their own too (issue 15).
const Dashboard = lazy(() => import("./dashboard/Dashboard.tsx").then((module) => ({ default: module.Dashboard })));
const SupervisorTicketPage = lazy(() => import("./tickets/page/TicketPageRoute.tsx").then((module) => ({ default: module.SupervisorTicketPage })));
const CalendarCoverageBanner = lazy(() => import("./routing/calendar/CalendarCoverageBanner.tsx").then((module) => ({ default: module.CalendarCoverageBanner })));

// Every feature's routes (and its wording) are a chunk of their own; the shell imports only their nav.ts (issue 15).
const CallbackRoutes = lazy(() => import("./callback/routes.tsx").then((module) => ({ default: module.CallbackRoutes })));
const AdminCategoriesRoutes = lazy(() => import("./admin/categories/routes.tsx").then((module) => ({ default: module.AdminCategoriesRoutes })));
const AdminMessagesRoutes = lazy(() => import("./admin/messages/routes.tsx").then((module) => ({ default: module.AdminMessagesRoutes })));
const AdminIntegratorsRoutes = lazy(() => import("./admin/integrators/routes.tsx").then((module) => ({ default: module.AdminIntegratorsRoutes })));
const AccountsRoutes = lazy(() => import("./admin/accounts/routes.tsx").then((module) => ({ default: module.AccountsRoutes })));
const AuditRoutes = lazy(() => import("./admin/audit/routes.tsx").then((module) => ({ default: module.AuditRoutes })));
const CatalogRoutes = lazy(() => import("./catalog/routes.tsx").then((module) => ({ default: module.CatalogRoutes })));
const ChasingRoutes = lazy(() => import("./chasing/routes.tsx").then((module) => ({ default: module.ChasingRoutes })));
const JointRoutes = lazy(() => import("./joint/routes.tsx").then((module) => ({ default: module.JointRoutes })));
const KnowledgeRoutes = lazy(() => import("./knowledge/routes.tsx").then((module) => ({ default: module.KnowledgeRoutes })));
const LeaderRoutes = lazy(() => import("./leader/routes.tsx").then((module) => ({ default: module.LeaderRoutes })));
const OrdersRoutes = lazy(() => import("./orders/routes.tsx").then((module) => ({ default: module.OrdersRoutes })));
const RoutingRoutes = lazy(() => import("./routing/routes.tsx").then((module) => ({ default: module.RoutingRoutes })));
const TicketSearchRoutes = lazy(() => import("./tickets/search/routes.tsx").then((module) => ({ default: module.TicketSearchRoutes })));
const HotRoutes = lazy(() => import("./measures/hot/routes.tsx").then((module) => ({ default: module.HotRoutes })));
const RankingRoutes = lazy(() => import("./measures/ranking/routes.tsx").then((module) => ({ default: module.RankingRoutes })));
const MeasuresDashboardRoutes = lazy(() => import("./measures/dashboard/routes.tsx").then((module) => ({ default: module.MeasuresDashboardRoutes })));
const WallRoutes = lazy(() => import("./measures/wall/routes.tsx").then((module) => ({ default: module.WallRoutes })));
const ReportRoutes = lazy(() => import("./measures/report/routes.tsx").then((module) => ({ default: module.ReportRoutes })));

// The QA inspection pages are a chunk of their own (issue 15: the first JavaScript stays small).
const QaInspectRoutes = lazy(() => import("./qa/inspect/routes.tsx").then((module) => ({ default: module.QaInspectRoutes })));
// So are the QA management pages (roster, score forms, weekly review, monthly assessment).
const QaManageRoutes = lazy(() => import("./qa/manage/routes.tsx").then((module) => ({ default: module.QaManageRoutes })));

/** Supervisor console: sign in, then the overview; the knowledge base's review, statistics and editor under knowledge/. */
export function App() {
  const t = useSupervisorT();
  const { path } = useAppPath();
  const knowledge = isKnowledgePath(path);
  const routing = isRoutingPath(path);
  const callback = isCallbackPath(path);
  const joint = isJointPath(path);
  const ticketNumber = ticketPageNumber(path);
  const orders = isOrdersPath(path);
  const chasing = isChasingPath(path);
  const ticketSearch = isTicketSearchPath(path);
  const qa = useQaViewer();
  const tQa = useQaManageNavT();
  const tQaInspect = useQaInspectNavT();
  return (
    <StaffGate title={t("app.title")} documents={staffDocuments}>
      {({ viewer, logout }) => {
        if (path === "") {
          return <GoToLanding roles={viewer.roles} leadsTeam={landingLeadsTeam(qa)} />;
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
            ...reportNavItems(path, viewer.roles, t("nav.report")),
            ...(mayUseOverview(viewer.roles) && !dashboardReplacesOverview(viewer.roles) ? [appNavItem(OVERVIEW_PATH, t("nav.overview"), path === OVERVIEW_PATH)] : []),
            ...rankingNavItems(path, viewer.roles, t("nav.ranking")),
            ...hotNavItems(path, viewer.roles, t("nav.hot")),
            ...chasingNavItems(path, viewer.roles, t("nav.chasing")),
            ...qaInspectNavItems(path, viewer.roles, qa.ledTeamIds.length > 0, { queue: tQaInspect("qi.nav.queue"), appeals: tQaInspect("qi.nav.appeals") }),
            ...qaManageNavItems(path, viewer.roles, qa, tQa),
            ...ticketSearchNavItems(path, viewer.roles, t("nav.ticketSearch")),
            ...leaderNavItems(path, viewer.roles, { page: t("nav.leaderPage"), sessions: t("nav.leaderSessions"), cases: t("nav.leaderCases") }),
            ...ordersNavItems(path, viewer.roles, t("nav.orders")),
            ...jointNavItems(path, viewer.roles, t("nav.joint")),
            ...callbackNavItems(path, viewer.roles, { reReports: t("nav.reReports"), settings: t("nav.callbackSettings") }),
            ...routingNavItems(path, viewer.roles, { extensions: t("nav.extensions"), rules: t("nav.dispatchRules"), units: t("nav.units"), calendar: t("nav.calendar") }),
            ...catalogNavItems(path, viewer.roles, t("nav.categoryKeywords")),
            ...adminCategoriesNavItems(path, viewer.roles, t("nav.adminCategories")),
            ...accountsNavItems(path, viewer.roles, t("nav.accounts")),
            ...adminIntegratorsNavItems(path, viewer.roles, t("nav.integrators")),
            ...auditNavItems(path, viewer.roles, t("nav.audit")),
            ...adminMessagesNavItems(path, viewer.roles, t("nav.adminMessages")),
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
