import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from "react";

/**
 * History-API navigation for the staff apps (the portal has its own router with the same event):
 * paths are relative to the app's base (`/operator/`), e.g. "knowledge/articles/42".
 */
const BASE = import.meta.env.BASE_URL;
const NAVIGATE_EVENT = "civicline:navigate";

/** Absolute href of an in-app path ("" is the app's home). */
export function appHref(path: string): string {
  return `${BASE}${path}`;
}

/** The in-app path of a location under `base`, without leading or trailing slashes. */
export function appPathOf(pathname: string, base: string = BASE): string {
  const normalized = base.endsWith("/") ? base : `${base}/`;
  const rest = `${pathname}/`.startsWith(normalized) ? pathname.slice(normalized.length) : pathname.replace(/^\//, "");
  return rest.replace(/\/+$/, "").replace(/^index\.html$/, "");
}

/**
 * Goes to an in-app path without a reload and moves focus to the new page's heading, so keyboard
 * and screen-reader users land at the top of what changed. `replace` keeps history tidy after a save.
 */
export function navigateTo(path: string, { replace = false }: { replace?: boolean } = {}): void {
  if (replace) {
    window.history.replaceState(null, "", appHref(path));
  } else {
    window.history.pushState(null, "", appHref(path));
  }
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  requestAnimationFrame(() => document.querySelector<HTMLElement>("#main h1")?.focus());
}

function readLocation(): { path: string; search: string } {
  return { path: appPathOf(window.location.pathname), search: window.location.search };
}

/** The current in-app path and query string, updated on navigateTo() and back/forward. */
export function useAppPath(): { path: string; search: string } {
  const [location, setLocation] = useState(readLocation);
  useEffect(() => {
    const update = () => setLocation(readLocation());
    window.addEventListener("popstate", update);
    window.addEventListener(NAVIGATE_EVENT, update);
    return () => {
      window.removeEventListener("popstate", update);
      window.removeEventListener(NAVIGATE_EVENT, update);
    };
  }, []);
  return location;
}

/** Click handler for in-app links: plain left clicks navigate in place, modified clicks keep browser behaviour. */
export function onAppLinkClick(path: string) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    navigateTo(path);
  };
}

export type AppLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { to: string };

/** An <a> to an in-app path. */
export function AppLink({ to, ...props }: AppLinkProps) {
  return <a href={appHref(to)} onClick={onAppLinkClick(to)} {...props} />;
}

/** A nav entry for <AppLayout> pointing at an in-app path. */
export function appNavItem(path: string, label: string, current: boolean) {
  return { href: appHref(path), label, current, onClick: onAppLinkClick(path) };
}
