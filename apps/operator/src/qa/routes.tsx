import { EmptyState } from "@civicline/ui";
import type { ReactNode } from "react";
import { useMyQaT } from "./messages.ts";
import { MyQaPage } from "./MyQaPage.tsx";
import { CALL_TAKERS } from "./nav.ts";
import "./my-qa.css";

/** The call-taker's QA results, or "not available" for roles that have none (loaded lazily by App.tsx). */
export function MyQaRoutes({ roles }: { roles: readonly string[] }): ReactNode {
  const t = useMyQaT();
  if (!roles.some((role) => CALL_TAKERS.includes(role))) {
    return <EmptyState testId="my-qa-forbidden" title={t("mq.forbidden")} />;
  }
  return <MyQaPage />;
}
