import { AppLayout, StaffGate } from "@civicline/ui";
import { Dashboard } from "./dashboard/Dashboard.tsx";
import { useSupervisorT } from "./messages.ts";
import { staffDocuments } from "./staff.ts";

/** Supervisor console: sign in, then the overview. */
export function App() {
  const t = useSupervisorT();
  return (
    <StaffGate title={t("app.title")} documents={staffDocuments}>
      {({ viewer, logout }) => (
        <AppLayout
          title={t("app.title")}
          nav={[{ href: import.meta.env.BASE_URL, label: t("nav.overview"), current: true }]}
          user={viewer}
          onLogout={() => void logout()}
        >
          <Dashboard />
        </AppLayout>
      )}
    </StaffGate>
  );
}
