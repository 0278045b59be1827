import { TableScroll, useLanguage } from "@civicline/ui";
import type { QmFormVersionFieldsFragment } from "../../../gql/graphql.ts";
import { useQaManageT } from "../messages.ts";

/** A label in the UI language (Chinese is always there; English may be blank). */
export function useLabel(): (item: { label: string; labelEn: string }) => string {
  const { language } = useLanguage();
  return (item) => (language === "en" && item.labelEn ? item.labelEn : item.label);
}

/** One version of a form, read-only: its criteria with points and deductions, and its critical errors. */
export function FormVersionView({ version, testId }: { version: QmFormVersionFieldsFragment; testId: string }) {
  const t = useQaManageT();
  const label = useLabel();
  const caption = `${t("qm.forms.criteria")} · v${version.version}`;
  return (
    <div data-testid={testId}>
      <TableScroll label={caption} testId={`${testId}-table`}>
        <table className="data-table qm-form-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("qm.forms.col.criterion")}</th>
              <th scope="col">{t("qm.forms.col.maxPoints")}</th>
              <th scope="col">{t("qm.forms.col.deductions")}</th>
            </tr>
          </thead>
          <tbody>
            {version.criteria.map((criterion) => (
              <tr key={criterion.key}>
                <th scope="row">{label(criterion)}</th>
                <td className="num">{criterion.weight}</td>
                <td>
                  {criterion.deductions.length === 0 ? (
                    <span className="qm-muted">{t("qm.as.none")}</span>
                  ) : (
                    <ul className="qm-plain-list">
                      {criterion.deductions.map((deduction) => (
                        <li key={deduction.key}>
                          −{deduction.points} {label(deduction)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("qm.forms.totalLabel")}</th>
              <td className="num">{version.totalWeight}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      <h3>{t("qm.forms.col.critical")}</h3>
      <p className="field__hint">{t("qm.forms.criticalHint")}</p>
      {version.criticalErrors.length === 0 ? (
        <p className="qm-muted">{t("qm.forms.criticalNone")}</p>
      ) : (
        <ul data-testid={`${testId}-critical`}>
          {version.criticalErrors.map((error) => (
            <li key={error.key}>{label(error)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
