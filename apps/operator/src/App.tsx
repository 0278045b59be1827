import { AppLayout, StaffGate } from "@civicline/ui";
import { useOperatorT } from "./messages.ts";
import { QueuePage } from "./queue/QueuePage.tsx";
import { staffDocuments } from "./staff.ts";

/** Operator workbench: sign in, then the live ticket queue. */
export function App() {
  const t = useOperatorT();
  return (
    <StaffGate title={t("app.title")} documents={staffDocuments}>
      {({ viewer, logout }) => (
        <AppLayout
          title={t("app.title")}
          nav={[{ href: import.meta.env.BASE_URL, label: t("nav.queue"), current: true }]}
          user={viewer}
          onLogout={() => void logout()}
        >
          <QueuePage />
        </AppLayout>
      )}
    </StaffGate>
  );
}
