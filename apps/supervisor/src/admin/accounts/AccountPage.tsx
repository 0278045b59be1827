import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, AppLink, Button, EmptyState, Loading, useFormat } from "@civicline/ui";
import { useState, type FormEvent } from "react";
import {
  DeactivateStaffAccountDocument,
  EndStaffSessionsDocument,
  ReactivateStaffAccountDocument,
  ResetStaffPasswordDocument,
  StaffAccountDocument,
  UpdateStaffAccountDocument,
  type StaffAccountFieldsFragment,
} from "../../gql/graphql.ts";
import { useAccountErrors } from "./accountErrors.ts";
import { AccountFields, draftInput, type AccountDraft } from "./AccountForm.tsx";
import { useAccountT } from "./messages.ts";
import { ACCOUNTS_PATH } from "./paths.ts";
import { TemporaryPassword } from "./TemporaryPassword.tsx";

function draftOf(account: StaffAccountFieldsFragment): AccountDraft {
  return {
    username: account.username,
    displayName: account.displayName,
    roles: [...account.roles],
    unitId: account.unitId ?? "",
    seat: account.seat ?? "",
    team: account.team ?? "",
    leaderUnitId: account.leaderUnitId ?? "",
  };
}

/** Admin: one account — edit, reset the password, deactivate or reactivate, list and end its sessions. */
export function AccountPage({ id }: { id: string }) {
  const t = useAccountT();
  const { data, loading, error, refetch } = useQuery(StaffAccountDocument, { variables: { id }, fetchPolicy: "cache-and-network" });
  const account = data?.staffAccount;
  if (loading && !data) {
    return <Loading />;
  }
  if (!account) {
    return (
      <EmptyState testId="account-not-found" title={t("sa.notFound")}>
        <AppLink to={ACCOUNTS_PATH}>{t("sa.back")}</AppLink>
        {error ? <Button variant="secondary" onClick={() => void refetch().catch(() => undefined)}>{t("common.retry")}</Button> : null}
      </EmptyState>
    );
  }
  return <AccountEditor key={account.id + account.updatedAt} account={account} sessions={data.staffSessions} onChanged={() => void refetch().catch(() => undefined)} />;
}

function AccountEditor({
  account,
  sessions,
  onChanged,
}: {
  account: StaffAccountFieldsFragment;
  sessions: ReadonlyArray<{ id: string; createdAt: string; expiresAt: string; clientIp?: string | null }>;
  onChanged: () => void;
}) {
  const t = useAccountT();
  const format = useFormat();
  const describe = useAccountErrors();
  const [draft, setDraft] = useState(() => draftOf(account));
  const [problems, setProblems] = useState<{ fields: Record<string, string>; alert?: string }>({ fields: {} });
  const [notice, setNotice] = useState<string | null>(null);
  const [temporary, setTemporary] = useState<string | null>(null);
  const [update, { loading: saving }] = useMutation(UpdateStaffAccountDocument);
  const [deactivate, { loading: deactivating }] = useMutation(DeactivateStaffAccountDocument);
  const [reactivate, { loading: reactivating }] = useMutation(ReactivateStaffAccountDocument);
  const [reset, { loading: resetting }] = useMutation(ResetStaffPasswordDocument);
  const [endSessions, { loading: ending }] = useMutation(EndStaffSessionsDocument);

  const run = async (action: () => Promise<string | null>) => {
    setProblems({ fields: {} });
    setNotice(null);
    try {
      const message = await action();
      setNotice(message);
      onChanged();
    } catch (caught) {
      setProblems(describe(caught));
    }
  };

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async () => {
      await update({ variables: { id: account.id, input: draftInput(draft) } });
      return t("sa.saved");
    });
  };

  return (
    <>
      <p>
        <AppLink to={ACCOUNTS_PATH}>{t("sa.back")}</AppLink>
      </p>
      <h1 tabIndex={-1}>
        {account.displayName} <code>{account.username}</code>
      </h1>
      <p data-testid="account-status">
        {account.active ? t("sa.status.active") : t("sa.status.inactive")}
        {account.mustChangePassword ? ` · ${t("sa.status.mustChange")}` : ""}
      </p>
      <div aria-live="polite">
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {problems.alert ? <Alert>{problems.alert}</Alert> : null}
      </div>
      {temporary ? <TemporaryPassword username={account.username} password={temporary} /> : null}
      <section className="card" aria-labelledby="account-details">
        <h2 id="account-details">{t("sa.section.details")}</h2>
        <form className="form account-form" onSubmit={save} noValidate data-testid="account-form">
          <AccountFields draft={draft} onChange={setDraft} errors={problems.fields} creating={false} />
          <Button type="submit" busy={saving} data-testid="account-save">
            {t("sa.save")}
          </Button>
        </form>
      </section>
      <section className="card" aria-labelledby="account-access">
        <h2 id="account-access">{t("sa.section.access")}</h2>
        <p className="account-actions">
          <Button
            variant="secondary"
            busy={resetting}
            data-testid="account-reset"
            onClick={() =>
              window.confirm(t("sa.reset.confirm", { username: account.username })) &&
              void run(async () => {
                const result = await reset({ variables: { id: account.id } });
                setTemporary(result.data?.resetStaffPassword.temporaryPassword ?? null);
                return null;
              })
            }
          >
            {t("sa.reset")}
          </Button>{" "}
          {account.active ? (
            <Button
              variant="secondary"
              busy={deactivating}
              data-testid="account-deactivate"
              onClick={() =>
                window.confirm(t("sa.deactivate.confirm", { username: account.username })) &&
                void run(async () => {
                  await deactivate({ variables: { id: account.id } });
                  return t("sa.deactivated");
                })
              }
            >
              {t("sa.deactivate")}
            </Button>
          ) : (
            <Button
              variant="secondary"
              busy={reactivating}
              data-testid="account-reactivate"
              onClick={() =>
                void run(async () => {
                  await reactivate({ variables: { id: account.id } });
                  return t("sa.reactivated");
                })
              }
            >
              {t("sa.reactivate")}
            </Button>
          )}
        </p>
      </section>
      <section className="card" aria-labelledby="account-sessions" data-testid="account-sessions">
        <h2 id="account-sessions">{t("sa.section.sessions")}</h2>
        {sessions.length === 0 ? (
          <p>{t("sa.sessions.none")}</p>
        ) : (
          <>
            <div className="table-scroll">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t("sa.sessions.col.started")}</th>
                    <th scope="col">{t("sa.sessions.col.expires")}</th>
                    <th scope="col">{t("sa.sessions.col.address")}</th>
                    <th scope="col">
                      <span className="account-visually-hidden">{t("sa.sessions.end")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {sessions.map((session) => (
                    <tr key={session.id}>
                      <td>{format.dateTime(session.createdAt)}</td>
                      <td>{format.dateTime(session.expiresAt)}</td>
                      <td>{session.clientIp ?? "—"}</td>
                      <td>
                        <Button
                          variant="ghost"
                          busy={ending}
                          onClick={() =>
                            void run(async () => {
                              const result = await endSessions({ variables: { accountId: account.id, sessionId: session.id } });
                              return t("sa.sessions.ended", { count: result.data?.endStaffSessions ?? 0 });
                            })
                          }
                        >
                          {t("sa.sessions.end")}
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Button
              variant="secondary"
              busy={ending}
              data-testid="account-end-sessions"
              onClick={() =>
                void run(async () => {
                  const result = await endSessions({ variables: { accountId: account.id } });
                  return t("sa.sessions.ended", { count: result.data?.endStaffSessions ?? 0 });
                })
              }
            >
              {t("sa.sessions.endAll")}
            </Button>
          </>
        )}
      </section>
    </>
  );
}
