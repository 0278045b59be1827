import { useEffect, type MouseEvent, type ReactNode } from "react";
import { LanguageSwitcher } from "../i18n/LanguageSwitcher.tsx";
import { useFormat, useT } from "../i18n/I18nProvider.tsx";
import { Button } from "./Button.tsx";

export type NavItem = {
  href: string;
  label: string;
  current?: boolean;
  /** For client-side routing: call preventDefault and navigate. */
  onClick?: (event: MouseEvent<HTMLAnchorElement>) => void;
};

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
  const format = useFormat();

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
              {nav.map((item) => (
                <li key={item.href}>
                  <a href={item.href} aria-current={item.current ? "page" : undefined} onClick={item.onClick}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <div className="app-header__tools">
          <LanguageSwitcher />
          {tools}
          {user ? (
            <div className="user-menu" role="group" aria-label={t("layout.account")}>
              <span className="user-menu__name">
                <span className="visually-hidden">{t("layout.signedInAs")} </span>
                {user.displayName}
              </span>
              {user.roles.length > 0 ? (
                <span className="user-menu__roles">{user.roles.map(format.role).join(" · ")}</span>
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
