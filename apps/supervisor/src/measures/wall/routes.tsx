import { appNavItem, Loading, type NavItem } from "@civicline/ui";
import { lazy, Suspense, type ReactNode } from "react";
import { useSupervisorT } from "../../messages.ts";

const WallPage = lazy(() => import("./WallPage.tsx").then((module) => ({ default: module.WallPage })));

/** The wallboard's path (/supervisor/wall): full screen, without the app's header. */
export const WALL_PATH = "wall";

const READERS = ["SUPERVISOR", "LEADER", "ADMIN"];

export function isWallPath(path: string): boolean {
  return path === WALL_PATH;
}

export function mayReadWall(roles: readonly string[]): boolean {
  return roles.some((role) => READERS.includes(role));
}

export function wallNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return mayReadWall(roles) ? [appNavItem(WALL_PATH, label, isWallPath(path))] : [];
}

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
