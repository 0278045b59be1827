import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { useCallback, useState, type ReactNode } from "react";
import { AppLayout } from "../components/AppLayout.tsx";
import { Button } from "../components/Button.tsx";
import { Alert, Loading } from "../components/Feedback.tsx";
import { useErrorMessage } from "../errors.ts";
import { useT } from "../i18n/I18nProvider.tsx";
import type { StaffDocuments, StaffViewer } from "./documents.ts";
import { ChangePasswordPage } from "./ChangePasswordPage.tsx";
import { LoginPage } from "./LoginPage.tsx";
import { settleSignIn, useSessionExpired } from "./sessionExpiry.ts";
import { SignInAgainDialog } from "./SignInAgainDialog.tsx";

export type StaffGateProps = {
  /** App name for the layout around the sign-in page. */
  title: string;
  documents: StaffDocuments;
  /** Rendered once somebody is signed in. */
  children: (session: { viewer: StaffViewer; logout: () => Promise<void> }) => ReactNode;
};

/**
 * Shows the sign-in page until `me` returns a staff member, then the app. When the session ends
 * while the app is open, the app stays (nothing typed is lost) under a sign-in dialog; requests
 * refused meanwhile are sent again once the same person signed in (sessionExpiry.ts).
 */
export function StaffGate({ title, documents, children }: StaffGateProps) {
  const t = useT();
  const client = useApolloClient();
  const errorMessage = useErrorMessage();
  const { data, loading, error, refetch } = useQuery(documents.me, { fetchPolicy: "cache-and-network" });
  const [logoutMutation] = useMutation(documents.logout);

  const expired = useSessionExpired();
  const [lastViewer, setLastViewer] = useState<StaffViewer | null>(null);
  const current = data?.me ?? null;
  if (current && current.id !== lastViewer?.id) {
    setLastViewer(current);
  }

  const leave = useCallback(async () => {
    setLastViewer(null);
    settleSignIn(false);
    // Drop everything the previous user saw; active queries (me → null) refetch.
    await client.resetStore().catch(() => undefined);
  }, [client]);

  const logout = useCallback(async () => {
    try {
      await logoutMutation();
    } finally {
      await leave();
    }
  }, [leave, logoutMutation]);

  const signedInAgain = useCallback(
    (who: StaffViewer) => {
      if (who.id === lastViewer?.id) {
        settleSignIn(true);
      } else {
        // Somebody else: what the previous person was doing is not theirs to send.
        void leave();
      }
    },
    [lastViewer, leave],
  );

  // After an admin's reset the temporary password must be replaced before anything else.
  if (current?.mustChangePassword && documents.changePassword) {
    return (
      <AppLayout title={title}>
        <ChangePasswordPage documents={{ changePassword: documents.changePassword, me: documents.me }} onSignOut={() => void logout()} />
      </AppLayout>
    );
  }

  // After the session ended the app stays with the person who was signed in, under the dialog.
  const viewer = current ?? lastViewer;
  if (viewer) {
    const ended = expired || current === null;
    return (
      <>
        {children({ viewer, logout })}
        {ended ? <SignInAgainDialog documents={documents} onSignedIn={signedInAgain} onSignOut={() => void leave()} /> : null}
      </>
    );
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
