import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from "react";

/** The portal's pages; anything else is "notFound". */
export type Route =
  | { name: "home" }
  | { name: "submit" }
  | { name: "track"; trackingNumber: string }
  | { name: "faq"; query: string }
  | { name: "article"; id: string }
  | { name: "notFound" };

const BASE = import.meta.env.BASE_URL;

/** Reads a route from a path under `base` (e.g. /portal/track?n=…). */
export function parseRoute(pathname: string, search: string, base = BASE): Route {
  const normalizedBase = base.endsWith("/") ? base : `${base}/`;
  const rest = (pathname + "/").startsWith(normalizedBase) ? pathname.slice(normalizedBase.length) : pathname.replace(/^\//, "");
  const page = rest.replace(/\/+$/, "");
  if (page === "" || page === "index.html") {
    return { name: "home" };
  }
  if (page === "submit") {
    return { name: "submit" };
  }
  if (page === "track") {
    return { name: "track", trackingNumber: new URLSearchParams(search).get("n")?.trim() ?? "" };
  }
  if (page === "faq") {
    return { name: "faq", query: new URLSearchParams(search).get("q") ?? "" };
  }
  const article = /^faq\/([^/]+)$/.exec(page);
  if (article?.[1]) {
    return { name: "article", id: decodeURIComponent(article[1]) };
  }
  return { name: "notFound" };
}

/** Absolute href for a page path like "track?n=123". */
export function href(path: string): string {
  return `${BASE}${path}`;
}

const NAVIGATE_EVENT = "civicline:navigate";

/** Client-side navigation with the History API; the gateway falls back to index.html for deep links. */
export function navigate(path: string): void {
  window.history.pushState(null, "", href(path));
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** The current route, updated on navigate() and on back/forward. */
export function useRoute(): Route {
  const read = () => parseRoute(window.location.pathname, window.location.search);
  const [route, setRoute] = useState<Route>(read);
  useEffect(() => {
    const update = () => setRoute(read());
    window.addEventListener("popstate", update);
    window.addEventListener(NAVIGATE_EVENT, update);
    return () => {
      window.removeEventListener("popstate", update);
      window.removeEventListener(NAVIGATE_EVENT, update);
    };
  }, []);
  return route;
}

/** Handles plain left clicks in-app; modified clicks (new tab) keep browser behaviour. */
export function onLinkClick(path: string) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    navigate(path);
  };
}

export type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { to: string };

export function Link({ to, ...props }: LinkProps) {
  return <a href={href(to)} onClick={onLinkClick(to)} {...props} />;
}
