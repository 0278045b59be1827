import type { TrackingAccess } from "./CodeForm.tsx";

/** The tracked request's access, kept for its 30 minutes across a reload of this tab only. */
export type StoredAccess = { trackingNumber: string; access: TrackingAccess };

const KEY = "civicline.portal.tracking";

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    // storage disabled (private mode policies): the page simply asks for a code again
    return null;
  }
}

/**
 * Keeps the access token in sessionStorage: it dies with the tab (never shared with other tabs or
 * left on a shared phone after the browser is closed) and holds only the tracking number, the
 * token and its end — never the phone number or the code.
 */
export function storeAccess(value: StoredAccess): void {
  storage()?.setItem(KEY, JSON.stringify({ trackingNumber: value.trackingNumber, accessToken: value.access.accessToken, expiresAt: value.access.expiresAt }));
}

export function forgetAccess(): void {
  storage()?.removeItem(KEY);
}

/** The stored access if it is still valid at `now` (an expired or malformed entry is removed). */
export function restoreAccess(now: Date = new Date()): StoredAccess | null {
  const raw = storage()?.getItem(KEY);
  if (!raw) {
    return null;
  }
  try {
    const parsed = JSON.parse(raw) as { trackingNumber?: unknown; accessToken?: unknown; expiresAt?: unknown };
    const { trackingNumber, accessToken, expiresAt } = parsed;
    if (typeof trackingNumber === "string" && typeof accessToken === "string" && typeof expiresAt === "string" && Date.parse(expiresAt) > now.getTime()) {
      return { trackingNumber, access: { accessToken, expiresAt } };
    }
  } catch {
    // fall through: not ours
  }
  forgetAccess();
  return null;
}
