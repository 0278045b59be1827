import { AppLayout, EmptyState } from "@civicline/ui";
import { useEffect, useRef } from "react";
import { FaqPage } from "./knowledge/FaqPage.tsx";
import { PublicArticlePage } from "./knowledge/PublicArticlePage.tsx";
import { usePortalT } from "./messages.ts";
import { HomePage } from "./pages/HomePage.tsx";
import { SubmitPage } from "./pages/SubmitPage.tsx";
import { TrackPage } from "./pages/TrackPage.tsx";
import { href, Link, onLinkClick, useRoute, type Route } from "./router.tsx";

function Page({ route }: { route: Route }) {
  const t = usePortalT();
  switch (route.name) {
    case "home":
      return <HomePage />;
    case "submit":
      return <SubmitPage />;
    case "track":
      return <TrackPage key={route.trackingNumber ?? ""} initialNumber={route.trackingNumber} />;
    case "faq":
      return <FaqPage key={route.query} initialQuery={route.query} />;
    case "article":
      return <PublicArticlePage key={route.id} id={route.id} />;
    case "notFound":
      return (
        <>
          <h1 tabIndex={-1}>{t("notFound.title")}</h1>
          <EmptyState title={t("notFound.title")} action={<Link to="">{t("nav.home")}</Link>}>
            {t("notFound.body")}
          </EmptyState>
        </>
      );
  }
}

/** The citizen portal: home, submit and track, with focus moved to the new page's heading on navigation. */
export function App() {
  const t = usePortalT();
  const route = useRoute();
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.querySelector<HTMLElement>("#main h1")?.focus();
  }, [route]);

  const nav = [
    { path: "", label: t("nav.home"), current: route.name === "home" },
    { path: "faq", label: t("nav.faq"), current: route.name === "faq" || route.name === "article" },
    { path: "submit", label: t("nav.submit"), current: route.name === "submit" },
    { path: "track", label: t("nav.track"), current: route.name === "track" },
  ].map((item) => ({ href: href(item.path), label: item.label, current: item.current, onClick: onLinkClick(item.path) }));

  return (
    <AppLayout title={t("app.title")} nav={nav}>
      <div className="portal-page">
        <Page route={route} />
      </div>
    </AppLayout>
  );
}
