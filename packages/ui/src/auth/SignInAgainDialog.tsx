import { useEffect, useId, useRef } from "react";
import { Button } from "../components/Button.tsx";
import { useT } from "../i18n/I18nProvider.tsx";
import type { StaffDocuments, StaffViewer } from "./documents.ts";
import { LoginPage } from "./LoginPage.tsx";

export type SignInAgainDialogProps = {
  documents: Pick<StaffDocuments, "login" | "me">;
  /** Signed in again; `viewer` may be somebody else. */
  onSignedIn: (viewer: StaffViewer) => void;
  /** Leave the page for the sign-in page (what was not saved is dropped). */
  onSignOut: () => void;
};

/**
 * The session ended while the page was open: sign in again here, over the page, so that nothing
 * typed is lost; what was being saved is then sent again (see sessionExpiry.ts).
 */
export function SignInAgainDialog({ documents, onSignedIn, onSignOut }: SignInAgainDialogProps) {
  const t = useT();
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLInputElement>("input")?.focus();
  }, []);
  return (
    <div className="modal-backdrop">
      <div ref={ref} className="modal card" role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid="sign-in-again">
        <h2 id={titleId}>{t("gate.expired.title")}</h2>
        <p>{t("gate.expired.intro")}</p>
        <LoginPage documents={documents} embedded onSignedIn={onSignedIn} />
        <div className="button-row">
          <Button variant="ghost" onClick={onSignOut} data-testid="sign-in-again-leave">
            {t("gate.expired.leave")}
          </Button>
        </div>
      </div>
    </div>
  );
}
