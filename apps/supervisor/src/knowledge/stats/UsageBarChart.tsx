import { TableScroll } from "@civicline/ui";
import { useId } from "react";
import { useSupervisorKnowledgeT } from "../messages.ts";

export type UsageBar = { id: string; title: string; uses: number };

/**
 * Most-used articles as horizontal bars. The bars are decoration: each row states its title and count
 * in text, and the same figures are available as a table.
 */
export function UsageBarChart({ items }: { items: readonly UsageBar[] }) {
  const t = useSupervisorKnowledgeT();
  const captionId = useId();
  const max = Math.max(1, ...items.map((item) => item.uses));
  return (
    <figure className="kb-bars" aria-labelledby={captionId}>
      <figcaption id={captionId} className="kb-bars__caption">
        {t("kbs.stats.mostUsed.caption")}
      </figcaption>
      <ol className="kb-bars__list" data-testid="kb-usage-chart">
        {items.map((item) => (
          <li key={item.id} className="kb-bars__row" data-testid="kb-usage-bar">
            <span className="kb-bars__label">{item.title}</span>
            <span className="kb-bars__track" aria-hidden="true">
              <span className="kb-bars__bar" style={{ width: `${(item.uses / max) * 100}%` }} />
            </span>
            <span className="kb-bars__value">{t("kbs.stats.uses", { count: item.uses })}</span>
          </li>
        ))}
      </ol>
      <details className="kb-bars__table">
        <summary>{t("kbs.stats.showTable")}</summary>
        <TableScroll label={t("kbs.stats.mostUsed.caption")}>
          <table className="kb-table">
            <caption className="visually-hidden">{t("kbs.stats.mostUsed.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("kbs.stats.col.article")}</th>
                <th scope="col">{t("kbs.stats.col.uses")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>{item.title}</td>
                  <td className="kb-num">{item.uses}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </figure>
  );
}
