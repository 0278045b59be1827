import type { EmergencyHandoffInput } from "../gql/graphql.ts";
import type { CallStart, CallValues } from "./callForm.ts";

/**
 * Nothing typed is lost (issue 16): the call form keeps a draft of the call in progress in this
 * tab's sessionStorage (kept across a reload and a restored crash, never shared with another tab
 * or browser session). One draft per call, keyed by the call's own key; a new call starts its own,
 * and saving the call deletes it, so a draft never holds another call's data.
 */
export type CallDraft = {
  start: CallStart;
  values: CallValues;
  /** The idempotency key of the call's logCall: a save after the reload cannot create a second ticket. */
  clientRequestId: string;
  pendingHandoffs: readonly (EmergencyHandoffInput & { handedOffAt: string })[];
  savedAt: string;
};

const PREFIX = "civicline.callDraft.";
const CURRENT = "civicline.callDraft.current";

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

export function loadDraft(key: string): CallDraft | null {
  const raw = storage()?.getItem(PREFIX + key);
  if (!raw) {
    return null;
  }
  try {
    const draft = JSON.parse(raw) as CallDraft;
    return draft.start?.key === key ? draft : null;
  } catch {
    return null;
  }
}

/** The draft of the call that was open last in this tab, if it was not saved. */
export function currentDraft(): CallDraft | null {
  const key = storage()?.getItem(CURRENT);
  return key ? loadDraft(key) : null;
}

export function saveDraft(draft: CallDraft): void {
  const store = storage();
  if (!store) {
    return;
  }
  try {
    store.setItem(PREFIX + draft.start.key, JSON.stringify(draft));
    store.setItem(CURRENT, draft.start.key);
  } catch {
    // A full storage only costs the draft.
  }
}

/** Deletes the call's draft (it was saved, or replaced by a new call on purpose). */
export function clearDraft(key: string): void {
  const store = storage();
  store?.removeItem(PREFIX + key);
  if (store?.getItem(CURRENT) === key) {
    store.removeItem(CURRENT);
  }
}
