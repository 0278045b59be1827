import { useEffect, useId, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";
import { LanguageSwitcher } from "../i18n/LanguageSwitcher.tsx";
import { useLanguage, useT } from "../i18n/I18nProvider.tsx";
import { roleLabel } from "../i18n/roleLabels.ts";
import { Button } from "./Button.tsx";

export type NavItem = {
  href: string;
  label: string;
  current?: boolean;
  /** For client-side routing: call preventDefault and navigate. */
  onClick?: (event: MouseEvent<HTMLAnchorElement>) => void;
  /** Items with the same group (next to each other) open from one menu button labelled with it, so the header stays one line. */
  group?: string;
};

type NavEntry = { kind: "link"; item: NavItem } | { kind: "menu"; label: string; items: NavItem[] };

/** Consecutive items of one group become one menu; the rest stay links. */
function navEntries(nav: readonly NavItem[]): NavEntry[] {
  const entries: NavEntry[] = [];
  for (const item of nav) {
    const last = entries.at(-1);
    if (item.group && last?.kind === "menu" && last.label === item.group) {
      last.items.push(item);
    } else {
      entries.push(item.group ? { kind: "menu", label: item.group, items: [item] } : { kind: "link", item });
    }
  }
  return entries;
}

/**
 * A group of nav links behind a disclosure button: Enter/Space or a click opens it, Escape closes it
 * and returns focus to the button, a click elsewhere or on a link closes it. The button is marked
 * when the current page is in the group.
 */
function NavMenu({ label, items }: { label: string; items: readonly NavItem[] }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const rootRef = useRef<HTMLLIElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) {
      return undefined;
    }
    const onPointer = (event: globalThis.MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener("mousedown", onPointer);
    return () => document.removeEventListener("mousedown", onPointer);
  }, [open]);
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.key === "Escape" && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    }
  };
  const current = items.some((item) => item.current);
  return (
    <li ref={rootRef} className="nav-menu" onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className={current ? "nav-menu__button nav-menu__button--current" : "nav-menu__button"}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((was) => !was)}
      >
        {label}
        <span aria-hidden="true" className="nav-menu__caret">
          ▾
        </span>
      </button>
      <ul id={listId} className="nav-menu__list" hidden={!open}>
        {items.map((item) => (
          <li key={item.href}>
            <a
              href={item.href}
              aria-current={item.current ? "page" : undefined}
              onClick={(event) => {
                item.onClick?.(event);
                setOpen(false);
              }}
            >
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </li>
  );
}

export type LayoutUser = { displayName: string; roles: readonly string[] };

export type AppLayoutProps = {
  /** The app's name, shown next to the product name and in the document title. */
  title: string;
  nav?: readonly NavItem[];
  user?: LayoutUser | null;
  onLogout?: () => void;
  /** Extra header tools beside the account (the staff apps' notification bell). */
  tools?: ReactNode;
  children: ReactNode;
};

/** Page frame shared by all apps: skip link, header (product, app, nav, language, account) and main. */
export function AppLayout({ title, nav = [], user, onLogout, tools, children }: AppLayoutProps) {
  const t = useT();
  const { language } = useLanguage();

  useEffect(() => {
    document.title = `${title} · ${t("product.name")}`;
  }, [title, t]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t("layout.skipToContent")}
      </a>
      <header className="app-header">
        <div className="app-header__brand">
          <span className="app-header__product">{t("product.name")}</span>
          <span className="app-header__subtitle">{t("product.subtitle")}</span>
          <span className="app-header__app">{title}</span>
        </div>
        {nav.length > 0 ? (
          <nav className="app-header__nav" aria-label={t("layout.mainNav")}>
            <ul>
              {navEntries(nav).map((entry) =>
                entry.kind === "menu" ? (
                  <NavMenu key={`menu-${entry.label}`} label={entry.label} items={entry.items} />
                ) : (
                  <li key={entry.item.href}>
                    <a href={entry.item.href} aria-current={entry.item.current ? "page" : undefined} onClick={entry.item.onClick}>
                      {entry.item.label}
                    </a>
                  </li>
                ),
              )}
            </ul>
          </nav>
        ) : null}
        <div className="app-header__tools">
          <LanguageSwitcher />
          {tools}
          {user ? (
            <div className="user-menu" role="group" aria-label={t("layout.account")}>
              <span className="user-menu__name" title={user.displayName}>
                <span className="visually-hidden">{t("layout.signedInAs")} </span>
                {user.displayName}
              </span>
              {user.roles.length > 0 ? (
                <span className="user-menu__roles">{user.roles.map((role) => roleLabel(language, role)).join(" · ")}</span>
              ) : null}
              {onLogout ? (
                <Button variant="ghost" onClick={onLogout} data-testid="logout">
                  {t("layout.logout")}
                </Button>
              ) : null}
            </div>
          ) : null}
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
