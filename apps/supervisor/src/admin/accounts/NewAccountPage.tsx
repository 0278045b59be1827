import { useMutation } from "@apollo/client/react";
import { Alert, AppLink, Button } from "@civicline/ui";
import { useState, type FormEvent } from "react";
import { CreateStaffAccountDocument, StaffAccountsDocument } from "../../gql/graphql.ts";
import { useAccountErrors } from "./accountErrors.ts";
import { AccountFields, draftInput, EMPTY_DRAFT, type AccountDraft } from "./AccountForm.tsx";
import { useAccountT } from "./messages.ts";
import { ACCOUNTS_PATH } from "./paths.ts";
import { TemporaryPassword } from "./TemporaryPassword.tsx";

/** Admin: a new account; once created, its temporary password is shown once. */
export function NewAccountPage() {
  const t = useAccountT();
  const describe = useAccountErrors();
  const [draft, setDraft] = useState<AccountDraft>(EMPTY_DRAFT);
  const [problems, setProblems] = useState<{ fields: Record<string, string>; alert?: string }>({ fields: {} });
  const [created, setCreated] = useState<{ id: string; username: string; password: string } | null>(null);
  const [create, { loading }] = useMutation(CreateStaffAccountDocument, { refetchQueries: [StaffAccountsDocument] });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblems({ fields: {} });
    try {
      const result = await create({ variables: { input: { username: draft.username.trim(), ...draftInput(draft) } } });
      const payload = result.data?.createStaffAccount;
      if (payload) {
        setCreated({ id: payload.account.id, username: payload.account.username, password: payload.temporaryPassword });
        setDraft(EMPTY_DRAFT);
      }
    } catch (caught) {
      setProblems(describe(caught));
    }
  };

  return (
    <>
      <p>
        <AppLink to={ACCOUNTS_PATH}>{t("sa.back")}</AppLink>
      </p>
      <h1 tabIndex={-1}>{t("sa.new")}</h1>
      {created ? (
        <section aria-labelledby="account-created" data-testid="account-created">
          <h2 id="account-created">{t("sa.created.title", { username: created.username })}</h2>
          <TemporaryPassword username={created.username} password={created.password} />
          <p>
            <AppLink to={`${ACCOUNTS_PATH}/${created.id}`}>{t("sa.tempPassword.open")}</AppLink>
          </p>
        </section>
      ) : null}
      <form className="form account-form" onSubmit={(event) => void submit(event)} noValidate data-testid="account-form">
        {problems.alert ? <Alert>{problems.alert}</Alert> : null}
        <AccountFields draft={draft} onChange={setDraft} errors={problems.fields} creating />
        <Button type="submit" busy={loading} data-testid="account-create">
          {t("sa.create")}
        </Button>
      </form>
    </>
  );
}
