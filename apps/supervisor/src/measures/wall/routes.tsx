import { Loading } from "@civicline/ui";
import { lazy, Suspense, type ReactNode } from "react";
import { useSupervisorT } from "../../messages.ts";
import { mayReadWall } from "./nav.ts";

const WallPage = lazy(() => import("./WallPage.tsx").then((module) => ({ default: module.WallPage })));

/** The wall, or a plain refusal (it has no header to put an empty state under). */
export function WallRoutes({ roles }: { roles: readonly string[] }): ReactNode {
  const t = useSupervisorT();
  if (!mayReadWall(roles)) {
    return (
      <main id="main" className="wall" data-testid="wall-forbidden">
        <h1 tabIndex={-1}>{t("measures.forbidden")}</h1>
      </main>
    );
  }
  return (
    <Suspense fallback={<Loading />}>
      <WallPage />
    </Suspense>
  );
}
