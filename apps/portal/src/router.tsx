import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from "react";
import { Link as WouterLink, Router } from "wouter";
import { navigate as browserNavigate } from "wouter/use-browser-location";

/**
 * The portal's routing is wouter (a maintained ~2 KB router on the History API; the gateway falls
 * back to index.html for deep links). Pages are declared in App.tsx; paths here are relative to the
 * app's base without a leading slash ("track?n=123", "faq/42"), as the pages have always written them.
 */
const BASE = import.meta.env.BASE_URL;
/** wouter's base has no trailing slash ("/portal"); "/" becomes "". */
const ROUTER_BASE = BASE.replace(/\/+$/, "");

/** Absolute href for a page path like "track?n=123". */
export function href(path: string): string {
  return `${BASE}${path}`;
}

/** Client-side navigation (pushState; every wouter hook and useAppPath sees it). */
function navigate(path: string): void {
  browserNavigate(href(path));
}

/** Click handler for links drawn by others (the layout's nav): plain left clicks navigate in place. */
export function onLinkClick(path: string) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    navigate(path);
  };
}

/** The router for the whole portal, rooted at the app's base. */
export function PortalRouter({ children }: { children: ReactNode }) {
  return <Router base={ROUTER_BASE}>{children}</Router>;
}

export type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { to: string };

/** An in-app link: plain left clicks navigate in place, modified clicks (new tab) keep browser behaviour. */
export function Link({ to, ...props }: LinkProps) {
  return <WouterLink href={`~${href(to)}`} {...props} />;
}
