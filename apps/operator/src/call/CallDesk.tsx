import { Button, Kbd, navigateTo, ShortcutsDialog, useHotkeys, type ShortcutHelpGroup } from "@civicline/ui";
import { useCallback, useRef, useState, type ReactNode } from "react";
import "./call.css";
import { useOperatorT } from "../messages.ts";
import { QueuePage } from "../queue/QueuePage.tsx";
import { clearDraft, currentDraft } from "./callDraft.ts";
import { newClientRequestId, type CallStart } from "./callForm.ts";
import { CallScreen } from "./CallScreen.tsx";
import { ScreenPopBanner } from "./ScreenPopBanner.tsx";
import { CALL_PATH, SHORTCUTS } from "./shortcuts.ts";
import { useScreenPop, type IncomingCall } from "./useScreenPop.ts";

export type DeskView = "queue" | "call" | "other";

/**
 * The call-taker's desk around every page: New call and the shortcut help, the screen-pop when a
 * call arrives at this seat, and the queues and the call screen (both stay mounted, so a call in
 * progress survives a look at the queues). Other pages come in as children.
 */
export function CallDesk({ view, children }: { view: DeskView; children?: ReactNode }) {
  const t = useOperatorT();
  const { pop, clear } = useScreenPop();
  // A call left unsaved by a reload (or a crashed tab) comes back with what was typed (callDraft.ts).
  const [call, setCall] = useState<CallStart | null>(() => currentDraft()?.start ?? null);
  const [helpOpen, setHelpOpen] = useState(false);
  const dirty = useRef(false);
  const onDirty = useCallback((value: boolean) => {
    dirty.current = value;
  }, []);

  const start = (from: IncomingCall | null, followUpTicketId: string | null = null) => {
    if (dirty.current && !window.confirm(t("desk.replaceConfirm"))) {
      return;
    }
    dirty.current = false;
    if (call) {
      clearDraft(call.key);
    }
    setCall({ key: newClientRequestId(), phone: from?.callerNumber ?? "", callId: from?.callId ?? null, history: from?.history ?? null, followUpTicketId });
    if (from) {
      clear();
    }
    navigateTo(CALL_PATH);
  };
  useHotkeys([
    { combo: SHORTCUTS.newCall, handler: () => start(null) },
    { combo: SHORTCUTS.takeCall, handler: () => pop && start(pop) },
    { combo: SHORTCUTS.help, handler: () => setHelpOpen(true) },
  ]);

  const help: ShortcutHelpGroup[] = [
    {
      label: t("help.group.calls"),
      items: [
        { combo: SHORTCUTS.newCall, label: t("desk.newCall") },
        { combo: SHORTCUTS.takeCall, label: t("pop.take") },
        { combo: "alt+1", label: t("help.followUp") },
        { combo: SHORTCUTS.help, label: t("help.open") },
      ],
    },
    {
      label: t("help.group.form"),
      items: [
        { combo: SHORTCUTS.save, label: t("call.save") },
        { combo: SHORTCUTS.answerDirectly, label: t("call.answerDirectly") },
        { combo: SHORTCUTS.sendToDispatch, label: t("call.sendToDispatch") },
        { combo: SHORTCUTS.emergency, label: t("help.emergency") },
        { combo: SHORTCUTS.template, label: t("call.insertTemplate") },
      ],
    },
    {
      label: t("help.group.lists"),
      items: [
        { combo: "arrowdown", label: t("help.listMove") },
        { combo: "enter", label: t("help.listPick") },
        { combo: "escape", label: t("help.listClose") },
      ],
    },
  ];

  return (
    <>
      <div className="desk-toolbar" role="group" aria-label={t("desk.toolbar")}>
        <Button onClick={() => start(null)} data-testid="new-call" aria-keyshortcuts="Alt+N">
          {t("desk.newCall")} <Kbd combo={SHORTCUTS.newCall} />
        </Button>
        <Button variant="ghost" onClick={() => setHelpOpen(true)} data-testid="shortcuts-button" aria-keyshortcuts="?">
          {t("help.open")} <Kbd combo={SHORTCUTS.help} />
        </Button>
      </div>
      {pop ? <ScreenPopBanner pop={pop} onTake={() => start(pop)} onDismiss={clear} onFollowUp={(ticket) => start(pop, ticket.id)} /> : null}
      <div hidden={view !== "queue"}>
        <QueuePage />
      </div>
      <div hidden={view !== "call"}>
        <CallScreen call={call} active={view === "call"} onNewCall={() => start(null)} onDirty={onDirty} />
      </div>
      {view === "other" ? children : null}
      {helpOpen ? <ShortcutsDialog title={t("help.title")} groups={help} onClose={() => setHelpOpen(false)} /> : null}
    </>
  );
}
