import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { useCallback, type ReactNode } from "react";
import { AppLayout } from "../components/AppLayout.tsx";
import { Button } from "../components/Button.tsx";
import { Alert, Loading } from "../components/Feedback.tsx";
import { useErrorMessage } from "../errors.ts";
import { useT } from "../i18n/I18nProvider.tsx";
import type { StaffDocuments, StaffViewer } from "./documents.ts";
import { LoginPage } from "./LoginPage.tsx";

export type StaffGateProps = {
  /** App name for the layout around the sign-in page. */
  title: string;
  documents: StaffDocuments;
  /** Rendered once somebody is signed in. */
  children: (session: { viewer: StaffViewer; logout: () => Promise<void> }) => ReactNode;
};

/** Shows the sign-in page until `me` returns a staff member, then the app. */
export function StaffGate({ title, documents, children }: StaffGateProps) {
  const t = useT();
  const client = useApolloClient();
  const errorMessage = useErrorMessage();
  const { data, loading, error, refetch } = useQuery(documents.me, { fetchPolicy: "cache-and-network" });
  const [logoutMutation] = useMutation(documents.logout);

  const logout = useCallback(async () => {
    try {
      await logoutMutation();
    } finally {
      // Drop everything the previous user saw; active queries (me → null) refetch.
      await client.resetStore().catch(() => undefined);
    }
  }, [client, logoutMutation]);

  const viewer = data?.me ?? null;
  if (viewer) {
    return <>{children({ viewer, logout })}</>;
  }
  return (
    <AppLayout title={title}>
      {loading && !data ? (
        <Loading label={t("gate.checking")} />
      ) : error && !data ? (
        <Alert>
          <p>
            {t("gate.failed")} {errorMessage(error)}
          </p>
          <Button variant="secondary" onClick={() => void refetch().catch(() => undefined)}>
            {t("common.retry")}
          </Button>
        </Alert>
      ) : (
        <LoginPage documents={documents} />
      )}
    </AppLayout>
  );
}
