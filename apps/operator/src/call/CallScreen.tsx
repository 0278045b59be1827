import { Button, EmptyState, Kbd } from "@civicline/ui";
import { useOperatorT } from "../messages.ts";
import { CallForm } from "./CallForm.tsx";
import type { CallStart } from "./callForm.ts";
import { SHORTCUTS } from "./shortcuts.ts";

export type CallScreenProps = {
  call: CallStart | null;
  active: boolean;
  onNewCall: () => void;
  onDirty: (dirty: boolean) => void;
};

/** The call screen: the current call's form, or a prompt to start one. */
export function CallScreen({ call, active, onNewCall, onDirty }: CallScreenProps) {
  const t = useOperatorT();
  if (!call) {
    return (
      <EmptyState
        testId="no-call"
        title={t("call.none.title")}
        action={
          <Button onClick={onNewCall}>
            {t("desk.newCall")} <Kbd combo={SHORTCUTS.newCall} />
          </Button>
        }
      >
        {t("call.none.body")}
      </EmptyState>
    );
  }
  return <CallForm key={call.key} start={call} active={active} onNewCall={onNewCall} onDirty={onDirty} />;
}
