import { EmptyState } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useAccountT } from "./messages.ts";
import { ACCOUNTS_PATH } from "./paths.ts";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const AccountPage = lazy(() => import("./AccountPage.tsx").then((module) => ({ default: module.AccountPage })));
const AccountsPage = lazy(() => import("./AccountsPage.tsx").then((module) => ({ default: module.AccountsPage })));
const ImportAccountsPage = lazy(() => import("./ImportAccountsPage.tsx").then((module) => ({ default: module.ImportAccountsPage })));
const NewAccountPage = lazy(() => import("./NewAccountPage.tsx").then((module) => ({ default: module.NewAccountPage })));

export { accountsNavItems } from "./nav.ts";

/** `admin/accounts`, `…/new`, `…/import`, `…/<id>` for admins; "not available" for other roles. */
export function AccountsRoutes({ path, roles }: { path: string; roles: readonly string[] }): ReactNode {
  const t = useAccountT();
  if (!roles.includes("ADMIN")) {
    return <EmptyState testId="accounts-forbidden" title={t("sa.forbidden")} />;
  }
  const rest = path.slice(ACCOUNTS_PATH.length + 1);
  if (rest === "") {
    return <AccountsPage />;
  }
  if (rest === "new") {
    return <NewAccountPage />;
  }
  if (rest === "import") {
    return <ImportAccountsPage />;
  }
  return <AccountPage id={rest} />;
}
