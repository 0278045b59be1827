import { TableScroll, useLanguage } from "@civicline/ui";
import type { QmGroupFiguresFragment } from "../../../gql/graphql.ts";
import { useQaManageT } from "../messages.ts";
import { useQaNumbers } from "../numbers.ts";

/** Each team's figures and the whole centre's (the only rows supervisors and leaders see). */
export function GroupTable({ teams, centre, caption }: { teams: readonly QmGroupFiguresFragment[]; centre: QmGroupFiguresFragment; caption: string }) {
  const t = useQaManageT();
  const { language } = useLanguage();
  const numbers = useQaNumbers();
  const name = (group: QmGroupFiguresFragment) => (language === "en" && group.nameEn ? group.nameEn : group.name);
  const row = (group: QmGroupFiguresFragment, centreRow: boolean) => (
    <tr key={group.teamId ?? "centre"} className={centreRow ? "qm-centre" : undefined} data-testid={centreRow ? "qa-as-centre" : "qa-as-team"}>
      <th scope="row">{centreRow ? t("qm.as.centre") : name(group)}</th>
      <td className="num">{group.callTakers}</td>
      <td className="num">{numbers.score(group.averageScore)}</td>
      <td className="num">
        {numbers.score(group.qaScore)} <span className="qm-detail">{t("qm.as.inspectionsN", { count: group.inspections })}</span>
      </td>
      <td className="num">{group.callsHandled}</td>
      <td className="num">{numbers.duration(group.averageHandleSeconds)}</td>
      <td className="num">{numbers.rate(group.directRate)}</td>
      <td className="num">{numbers.rate(group.processSatisfaction)}</td>
      <td className="num">{group.appealsUpheld}</td>
    </tr>
  );
  return (
    <section aria-labelledby="qm-as-groups">
      <h2 id="qm-as-groups">{t("qm.as.groups")}</h2>
      <TableScroll label={caption} testId="qa-as-groups">
        <table className="data-table qm-assessment">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("qm.team")}</th>
              <th scope="col">{t("qm.as.col.callTakers")}</th>
              <th scope="col">{t("qm.as.col.averageTotal")}</th>
              <th scope="col">{t("qm.as.col.qaScore")}</th>
              <th scope="col">{t("qm.as.col.calls")}</th>
              <th scope="col">{t("qm.as.col.handleTime")}</th>
              <th scope="col">{t("qm.as.col.direct")}</th>
              <th scope="col">{t("qm.as.col.satisfaction")}</th>
              <th scope="col">{t("qm.as.col.appeals")}</th>
            </tr>
          </thead>
          <tbody>{teams.map((group) => row(group, false))}</tbody>
          <tfoot>{row(centre, true)}</tfoot>
        </table>
      </TableScroll>
    </section>
  );
}
