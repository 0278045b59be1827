import { useMemo, type AnchorHTMLAttributes, type MouseEvent } from "react";
import { navigate, usePathname, useSearch } from "wouter/use-browser-location";

/**
 * History-API navigation for the three apps, backed by wouter's browser location (it observes
 * pushState/replaceState and back/forward, so any navigation — ours, wouter's <Link>, a test's
 * history.pushState — re-renders the subscribers once). Paths are relative to the app's base
 * (`/operator/`), e.g. "knowledge/articles/42".
 */
const BASE = import.meta.env.BASE_URL;

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
  navigate(appHref(path), { replace });
  requestAnimationFrame(() => document.querySelector<HTMLElement>("#main h1")?.focus());
}

/** The current in-app path and query string ("?q=…" or ""), updated on every navigation and back/forward. */
export function useAppPath(): { path: string; search: string } {
  const pathname = usePathname();
  const search = useSearch();
  return useMemo(() => ({ path: appPathOf(pathname), search }), [pathname, search]);
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
