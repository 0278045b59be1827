import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { Button } from "../components/Button.tsx";
import { Field, TextInput } from "../components/Field.tsx";
import { Alert } from "../components/Feedback.tsx";
import { useErrorMessage } from "../errors.ts";
import { useT } from "../i18n/I18nProvider.tsx";
import type { StaffDocuments, StaffViewer } from "./documents.ts";

export type LoginPageProps = {
  documents: Pick<StaffDocuments, "login" | "me">;
  /** Inside another frame (the sign-in-again dialog): no page heading. */
  embedded?: boolean;
  /** Called with the person who signed in. */
  onSignedIn?: (viewer: StaffViewer) => void;
};

/** Staff sign-in; on success the `me` query is refetched, which lets the gate show the app. */
export function LoginPage({ documents, embedded = false, onSignedIn }: LoginPageProps) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});
  const [login, { loading, error }] = useMutation(documents.login, {
    refetchQueries: [documents.me],
    awaitRefetchQueries: true,
  });

  const signIn = async (input: { username: string; password: string }) => {
    try {
      const { data } = await login({ variables: { input } });
      if (data?.login.viewer) {
        onSignedIn?.(data.login.viewer);
      }
    } catch {
      // Shown from the hook's `error`.
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const nextMissing = { username: username.trim() === "", password: password === "" };
    setMissing(nextMissing);
    if (nextMissing.username || nextMissing.password) {
      return;
    }
    // signIn settles its own failure (the hook's `error` shows it), so nothing is left to await.
    void signIn({ username: username.trim(), password });
  };

  const form = (
      <form className="form" onSubmit={onSubmit} noValidate data-testid="login-form">
        {error ? <Alert testId="login-error">{errorMessage(error)}</Alert> : null}
        <Field label={t("login.username")} error={missing.username ? t("common.required") : undefined}>
          <TextInput
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
        </Field>
        <Field label={t("login.password")} error={missing.password ? t("common.required") : undefined}>
          <TextInput
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </Field>
        <Button type="submit" busy={loading} data-testid="login-submit">
          {loading ? t("login.submitting") : t("login.submit")}
        </Button>
      </form>
  );
  if (embedded) {
    return form;
  }
  return (
    <section className="login" aria-labelledby="login-title">
      <h1 id="login-title">{t("login.title")}</h1>
      <p>{t("login.intro")}</p>
      {form}
    </section>
  );
}
