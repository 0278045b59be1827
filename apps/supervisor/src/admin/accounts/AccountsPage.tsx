import { useQuery } from "@apollo/client/react";
import { Alert, AppLink, Button, EmptyState, enumLabel, Field, Loading, Select, TextInput, useErrorMessage, useLanguage, type Role } from "@civicline/ui";
import { useState } from "react";
import { StaffAccountsDocument } from "../../gql/graphql.ts";
import { ACCOUNT_ROLES, useUnitNames } from "./AccountForm.tsx";
import { useAccountT } from "./messages.ts";
import { ACCOUNTS_PATH } from "./paths.ts";
import "./accounts.css";

const PAGE = 50;

/** Admin: every staff account, searchable and filtered by role and status, with links to create and import. */
export function AccountsPage() {
  const t = useAccountT();
  const { language } = useLanguage();
  const errorMessage = useErrorMessage();
  const [query, setQuery] = useState("");
  const [role, setRole] = useState<Role | "">("");
  const [status, setStatus] = useState<"" | "active" | "inactive">("");
  const [offset, setOffset] = useState(0);
  const filter = { query: query.trim() || null, role: role || null, active: status === "" ? null : status === "active" };
  const { data, loading, error, refetch } = useQuery(StaffAccountsDocument, { variables: { filter, limit: PAGE, offset }, fetchPolicy: "cache-and-network" });
  const unitNames = useUnitNames();
  const page = data?.staffAccounts;
  return (
    <>
      <h1 tabIndex={-1}>{t("sa.title")}</h1>
      <p className="page-intro">{t("sa.intro")}</p>
      <p className="account-actions">
        <AppLink className="button button--primary" to={`${ACCOUNTS_PATH}/new`} data-testid="account-new">
          {t("sa.new")}
        </AppLink>{" "}
        <AppLink className="button button--secondary" to={`${ACCOUNTS_PATH}/import`}>
          {t("sa.import")}
        </AppLink>
      </p>
      <div className="account-filters" role="search">
        <Field label={t("sa.filter.query")} hint={t("sa.filter.queryHint")} optional>
          <TextInput type="search" value={query} onChange={(e) => { setQuery(e.target.value); setOffset(0); }} data-testid="accounts-search" />
        </Field>
        <Field label={t("sa.filter.role")} optional>
          <Select value={role} placeholder={t("sa.filter.anyRole")} options={ACCOUNT_ROLES.map((r) => ({ value: r, label: enumLabel(language, "Role", r) }))} onChange={(e) => { setRole(e.target.value as Role | ""); setOffset(0); }} />
        </Field>
        <Field label={t("sa.filter.status")} optional>
          <Select
            value={status}
            placeholder={t("sa.filter.anyStatus")}
            options={[{ value: "active", label: t("sa.status.active") }, { value: "inactive", label: t("sa.status.inactive") }]}
            onChange={(e) => { setStatus(e.target.value as "" | "active" | "inactive"); setOffset(0); }}
          />
        </Field>
      </div>
      {error && !data ? (
        <Alert>
          <p>{`${t("sa.loadFailed")} ${errorMessage(error) ?? ""}`}</p>
          <Button variant="secondary" onClick={() => void refetch().catch(() => undefined)}>
            {t("common.retry")}
          </Button>
        </Alert>
      ) : null}
      {loading && !data ? <Loading /> : null}
      {page && page.items.length === 0 ? (
        <EmptyState testId="accounts-empty" title={t("sa.empty.title")}>
          {t("sa.empty.body")}
        </EmptyState>
      ) : null}
      {page && page.items.length > 0 ? (
        <>
          <p aria-live="polite">{t("sa.count", { count: page.total })}</p>
          <div className="table-scroll">
            <table className="data-table accounts-table" data-testid="accounts-table">
              <thead>
                <tr>
                  <th scope="col">{t("sa.col.username")}</th>
                  <th scope="col">{t("sa.col.name")}</th>
                  <th scope="col">{t("sa.col.roles")}</th>
                  <th scope="col">{t("sa.col.unit")}</th>
                  <th scope="col">{t("sa.col.status")}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((account) => (
                  <tr key={account.id} data-testid="account-row">
                    <td>
                      <AppLink to={`${ACCOUNTS_PATH}/${account.id}`}>{account.username}</AppLink>
                    </td>
                    <td>{account.displayName}</td>
                    <td>{account.roles.map((r) => enumLabel(language, "Role", r)).join("、")}</td>
                    <td>{[account.unitId ? (unitNames.get(account.unitId) ?? t("sa.unknownUnit")) : null, account.seat, account.team].filter(Boolean).join(" · ")}</td>
                    <td>
                      {account.active ? t("sa.status.active") : <span className="badge badge--done">{t("sa.status.inactive")}</span>}
                      {account.mustChangePassword ? <span className="badge"> {t("sa.status.mustChange")}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {page.total > PAGE ? (
            <p className="account-pager">
              <Button variant="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                {t("sa.prev")}
              </Button>{" "}
              <Button variant="secondary" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>
                {t("sa.next")}
              </Button>
            </p>
          ) : null}
        </>
      ) : null}
    </>
  );
}
