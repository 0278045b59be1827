import { Alert } from "@civicline/ui";
import { useAccountT } from "./messages.ts";

/** The temporary password just given to an account, shown once. */
export function TemporaryPassword({ username, password }: { username: string; password: string }) {
  const t = useAccountT();
  return (
    <Alert tone="success">
      <h2 className="temp-password__title">{t("sa.tempPassword.title", { username })}</h2>
      <p>{t("sa.tempPassword.body")}</p>
      <p>
        <code className="temp-password" data-testid="temporary-password" translate="no">
          {password}
        </code>
      </p>
    </Alert>
  );
}
