import { useLanguage } from "@civicline/ui";
import type { ChasingBoardQuery } from "../gql/graphql.ts";
import { useChasingT } from "./messages.ts";

type UnitCount = ChasingBoardQuery["chasingBoard"]["units"][number];

/** Late tickets per unit in one stage as a small bar chart; each bar is a button that filters the list by its unit. */
export function UnitBars({ units, selected, onSelect }: { units: readonly UnitCount[]; selected: string | null; onSelect: (unitId: string | null) => void }) {
  const t = useChasingT();
  const { language } = useLanguage();
  const max = Math.max(1, ...units.map((unit) => unit.overdue + unit.nearDue));
  const nameOf = (unit: UnitCount) => (unit.unitId ? ((language === "en" ? unit.unitNameEn : unit.unitNameZh) ?? "") : t("ch.units.centre"));
  return (
    <section className="chasing-units" aria-labelledby="chasing-units-title" data-testid="chasing-units">
      <h2 id="chasing-units-title">{t("ch.units.title")}</h2>
      <p className="stat__hint">{t("ch.units.caption")}</p>
      <ul className="chasing-bars">
        {units.map((unit) => {
          const name = nameOf(unit);
          const label = t("ch.units.bar", { unit: name, overdue: unit.overdue, nearDue: unit.nearDue });
          const key = unit.unitId ?? "centre";
          return (
            <li key={key}>
              <button
                type="button"
                className="chasing-bar"
                aria-pressed={selected === unit.unitId && unit.unitId !== null}
                aria-label={label}
                title={label}
                disabled={!unit.unitId}
                data-testid={`chasing-unit-${key}`}
                onClick={() => onSelect(selected === unit.unitId ? null : unit.unitId)}
              >
                <span className="chasing-bar__name">{name}</span>
                <span className="chasing-bar__track" aria-hidden="true">
                  <span className="chasing-bar__red" style={{ width: `${(unit.overdue / max) * 100}%` }} />
                  <span className="chasing-bar__yellow" style={{ width: `${(unit.nearDue / max) * 100}%` }} />
                </span>
                <span className="chasing-bar__counts" aria-hidden="true">
                  <span className="chasing-chip chasing-chip--red">{unit.overdue}</span>
                  <span className="chasing-chip chasing-chip--yellow">{unit.nearDue}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
