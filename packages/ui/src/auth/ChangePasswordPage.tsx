import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { Button } from "../components/Button.tsx";
import { Field, TextInput } from "../components/Field.tsx";
import { Alert } from "../components/Feedback.tsx";
import { errorCode, graphQLErrors, useErrorMessage } from "../errors.ts";
import { useT } from "../i18n/I18nProvider.tsx";
import type { UiMessageKey } from "../i18n/messages.ts";
import type { StaffDocuments } from "./documents.ts";

const POLICY_CODES = ["REQUIRED", "TOO_SHORT", "TOO_LONG", "CONTAINS_USERNAME", "COMMON", "SAME_AS_CURRENT"];

/**
 * The forced password change after an admin's reset: the temporary password and a new one twice.
 * The server checks the policy; its field codes are worded here. On success `me` is refetched and
 * the gate lets the person in.
 */
export function ChangePasswordPage({ documents, onSignOut }: { documents: Required<Pick<StaffDocuments, "changePassword" | "me">>; onSignOut: () => void }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [problems, setProblems] = useState<{ current?: string; next?: string; repeat?: string; alert?: string }>({});
  const [change, { loading }] = useMutation(documents.changePassword, { refetchQueries: [documents.me], awaitRefetchQueries: true });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = {
      ...(current === "" ? { current: t("common.required") } : {}),
      ...(next === "" ? { next: t("pw.code.REQUIRED") } : {}),
      ...(next !== "" && repeat !== next ? { repeat: t("pw.mismatch") } : {}),
    };
    setProblems(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    try {
      await change({ variables: { input: { currentPassword: current, newPassword: next } } });
    } catch (caught) {
      if (errorCode(caught) === "ACCOUNTS/WRONG_PASSWORD") {
        setProblems({ current: t("pw.wrongCurrent") });
        return;
      }
      const fields = graphQLErrors(caught)[0]?.extensions?.fields;
      const code = Array.isArray(fields) ? (fields[0] as { code?: string } | undefined)?.code : undefined;
      setProblems(code && POLICY_CODES.includes(code) ? { next: t(`pw.code.${code}` as UiMessageKey) } : { alert: errorMessage(caught) });
    }
  };

  return (
    <section className="login" aria-labelledby="change-password-title" data-testid="change-password">
      <h1 id="change-password-title">{t("pw.title")}</h1>
      <p>{t("pw.intro")}</p>
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
        {problems.alert ? <Alert>{problems.alert}</Alert> : null}
        <Field label={t("pw.current")} error={problems.current}>
          <TextInput type="password" name="current-password" autoComplete="current-password" value={current} onChange={(event) => setCurrent(event.target.value)} />
        </Field>
        <Field label={t("pw.new")} hint={t("pw.rules")} error={problems.next}>
          <TextInput type="password" name="new-password" autoComplete="new-password" value={next} onChange={(event) => setNext(event.target.value)} />
        </Field>
        <Field label={t("pw.repeat")} error={problems.repeat}>
          <TextInput type="password" name="repeat-password" autoComplete="new-password" value={repeat} onChange={(event) => setRepeat(event.target.value)} />
        </Field>
        <Button type="submit" busy={loading} data-testid="change-password-submit">
          {t("pw.submit")}
        </Button>
        <Button type="button" variant="secondary" onClick={onSignOut}>
          {t("layout.logout")}
        </Button>
      </form>
    </section>
  );
}
