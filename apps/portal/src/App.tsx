import { AppLayout, EmptyState, Loading } from "@civicline/ui";
import { lazy, Suspense, useEffect, useRef, type ReactNode } from "react";
import { Route, Switch, useLocation, useRoute, useSearch } from "wouter";
import { WithData } from "./data.tsx";
import { usePortalT } from "./messages.ts";
import { HomePage } from "./pages/HomePage.tsx";
import { href, Link, onLinkClick, PortalRouter } from "./router.tsx";

// Every page but the home page is a chunk of its own, fetched when it is first shown (issue 15:
// the portal's first JavaScript is the shell, the router and the home page).
const SubmitPage = lazy(() => import("./pages/SubmitPage.tsx").then((module) => ({ default: module.SubmitPage })));
const TrackPage = lazy(() => import("./pages/TrackPage.tsx").then((module) => ({ default: module.TrackPage })));
const FaqPage = lazy(() => import("./knowledge/FaqPage.tsx").then((module) => ({ default: module.FaqPage })));
const PublicArticlePage = lazy(() => import("./knowledge/PublicArticlePage.tsx").then((module) => ({ default: module.PublicArticlePage })));

/** A page that reads from the gateway: the GraphQL client and the page's chunk load behind one progress indicator. */
function DataPage({ children }: { children: ReactNode }) {
  return (
    <Suspense fallback={<Loading />}>
      <WithData>{children}</WithData>
    </Suspense>
  );
}

function decodeParam(value: string | undefined): string {
  try {
    return decodeURIComponent(value ?? "");
  } catch {
    return value ?? "";
  }
}

function NotFound() {
  const t = usePortalT();
  return (
    <>
      <h1 tabIndex={-1}>{t("notFound.title")}</h1>
      <EmptyState title={t("notFound.title")} action={<Link to="">{t("nav.home")}</Link>}>
        {t("notFound.body")}
      </EmptyState>
    </>
  );
}

function Pages() {
  const search = new URLSearchParams(useSearch());
  const trackingNumber = search.get("n")?.trim() ?? "";
  const query = search.get("q") ?? "";
  return (
    <Switch>
      <Route path="/">
        <HomePage />
      </Route>
      <Route path="/index.html">
        <HomePage />
      </Route>
      <Route path="/submit">
        <DataPage>
          <SubmitPage />
        </DataPage>
      </Route>
      <Route path="/track">
        <DataPage>
          <TrackPage key={trackingNumber} initialNumber={trackingNumber} />
        </DataPage>
      </Route>
      <Route path="/faq">
        <DataPage>
          <FaqPage key={query} initialQuery={query} />
        </DataPage>
      </Route>
      <Route path="/faq/:id">
        {(params) => (
          <DataPage>
            <PublicArticlePage key={params.id} id={decodeParam(params.id)} />
          </DataPage>
        )}
      </Route>
      <Route>
        <NotFound />
      </Route>
    </Switch>
  );
}

/** The portal's header links with the current page marked. */
function useNav() {
  const t = usePortalT();
  const [home] = useRoute("/");
  const [faq] = useRoute("/faq");
  const [article] = useRoute("/faq/:id");
  const [submit] = useRoute("/submit");
  const [track] = useRoute("/track");
  return [
    { path: "", label: t("nav.home"), current: home },
    { path: "faq", label: t("nav.faq"), current: faq || article },
    { path: "submit", label: t("nav.submit"), current: submit },
    { path: "track", label: t("nav.track"), current: track },
  ].map((item) => ({ href: href(item.path), label: item.label, current: item.current, onClick: onLinkClick(item.path) }));
}

function Shell() {
  const t = usePortalT();
  const [location] = useLocation();
  const search = useSearch();
  const firstRender = useRef(true);

  // Focus moves to the new page's heading on navigation (not on the first load); a page still
  // loading its chunk gets it once its heading is there (checked each frame, for up to 5 s).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    let frame = 0;
    let frames = 0;
    const focusHeading = () => {
      const heading = document.querySelector<HTMLElement>("#main h1");
      if (heading) {
        heading.focus();
      } else if (frames++ < 300) {
        frame = requestAnimationFrame(focusHeading);
      }
    };
    focusHeading();
    return () => cancelAnimationFrame(frame);
  }, [location, search]);

  return (
    <AppLayout title={t("app.title")} nav={useNav()}>
      <div className="portal-page">
        <Pages />
      </div>
    </AppLayout>
  );
}

/** The citizen portal: home, submit, track and the FAQ, each page loaded when first shown. */
export function App() {
  return (
    <PortalRouter>
      <Shell />
    </PortalRouter>
  );
}
