import { AppLink, useFormat } from "@civicline/ui";
import type { ChasingItemFieldsFragment } from "../gql/graphql.ts";
import { dueText } from "./lateness.ts";
import { useChasingT } from "./messages.ts";

/**
 * The alarm at the top of the board: urgent and emergency tickets not dispatched within their
 * limit, oldest first, with the switch for the audible cue.
 */
export function AlarmStrip({
  alarms,
  alarmCount,
  now,
  soundOn,
  onSound,
}: {
  alarms: readonly ChasingItemFieldsFragment[];
  alarmCount: number;
  now: number;
  soundOn: boolean;
  onSound: (on: boolean) => void;
}) {
  const t = useChasingT();
  const format = useFormat();
  const sound = (
    <label className="chasing-sound" title={t("ch.sound.hint")}>
      <input type="checkbox" role="switch" checked={soundOn} onChange={(event) => onSound(event.target.checked)} data-testid="chasing-sound" />
      {t("ch.sound")}
    </label>
  );
  if (alarmCount === 0) {
    return (
      <div className="chasing-alarm chasing-alarm--quiet" data-testid="chasing-alarm-none">
        <p>{t("ch.alarm.none")}</p>
        {sound}
      </div>
    );
  }
  return (
    <section className="chasing-alarm" role="region" aria-labelledby="chasing-alarm-title" data-testid="chasing-alarm">
      <div className="chasing-alarm__head">
        <h2 id="chasing-alarm-title">
          <span aria-hidden="true">⚠ </span>
          {t("ch.alarm.title")}
        </h2>
        {sound}
      </div>
      <p data-testid="chasing-alarm-count">{t("ch.alarm.count", { count: alarmCount })}</p>
      <ul className="chasing-alarm__list">
        {alarms.map((item) => (
          <li key={item.ticketId} data-testid={`chasing-alarm-${item.trackingNumber}`}>
            <AppLink to={`tickets/${encodeURIComponent(item.trackingNumber)}`}>{item.trackingNumber}</AppLink>{" "}
            <span className="chasing-alarm__urgency">{format.urgency(item.urgency)}</span> · {dueText(t, item.dueAt, now)} · {item.summary}
          </li>
        ))}
        {alarmCount > alarms.length ? <li>{t("ch.alarm.more", { count: alarmCount - alarms.length })}</li> : null}
      </ul>
    </section>
  );
}
