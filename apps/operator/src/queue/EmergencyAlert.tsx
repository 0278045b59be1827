import { Button } from "@civicline/ui";
import { useOperatorT } from "../messages.ts";

/** Open emergencies, in red above every queue, with a way to the emergency list. */
export function EmergencyAlert({ count, showLink, onShow }: { count: number; showLink: boolean; onShow: () => void }) {
  const t = useOperatorT();
  if (count === 0) {
    return null;
  }
  return (
    <div className="emergency-alert" role="alert" data-testid="emergency-alert">
      <strong>{t("queue.emergencyAlert", { count })}</strong>
      {showLink ? (
        <Button variant="secondary" onClick={onShow} data-testid="show-emergencies">
          {t("queue.showEmergencies")}
        </Button>
      ) : null}
    </div>
  );
}
