import { useMutation } from "@apollo/client/react";
import { Alert, AppLink, Button, Field, TextArea, type Translate } from "@civicline/ui";
import { useState } from "react";
import { ImportStaffAccountsDocument, StaffAccountsDocument, type ImportStaffAccountsMutation } from "../../gql/graphql.ts";
import { useAccountErrors } from "./accountErrors.ts";
import { problemText, useAccountT, type AccountMessageKey } from "./messages.ts";
import { ACCOUNTS_PATH } from "./paths.ts";
import type { RoutingMessageKey } from "@civicline/ui";

type Result = ImportStaffAccountsMutation["importStaffAccounts"];

function passwordsCsv(created: Result["created"]): string {
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
  return `\uFEFFusername,temporaryPassword\r\n${created.map((row) => `${quote(row.username)},${quote(row.temporaryPassword)}`).join("\r\n")}\r\n`;
}

function fieldLabel(t: Translate<AccountMessageKey | RoutingMessageKey>, field: string): string {
  const labels: Record<string, AccountMessageKey> = {
    username: "sa.field.username",
    displayName: "sa.field.displayName",
    roles: "sa.field.roles",
    unitId: "sa.field.unit",
    seat: "sa.field.seat",
    team: "sa.field.team",
    leaderUnitId: "sa.field.leaderUnit",
  };
  return labels[field] ? t(labels[field]) : field;
}

/** Admin: CSV import of accounts — a check (dry run) listing every bad row, then an all-or-nothing import. */
export function ImportAccountsPage() {
  const t = useAccountT();
  const describe = useAccountErrors();
  const [csv, setCsv] = useState("");
  const [result, setResult] = useState<Result | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [run, { loading }] = useMutation(ImportStaffAccountsDocument, { refetchQueries: [StaffAccountsDocument] });

  const submit = async (dryRun: boolean) => {
    setAlert(null);
    if (!csv.trim()) {
      setAlert(t("im.empty"));
      return;
    }
    try {
      const response = await run({ variables: { csv, dryRun } });
      setResult(response.data?.importStaffAccounts ?? null);
    } catch (caught) {
      const problems = describe(caught);
      setAlert(problems.alert ?? Object.values(problems.fields).join(" "));
    }
  };

  const readFile = async (file: File | undefined) => {
    if (file) {
      setCsv(await file.text());
      setResult(null);
    }
  };

  const download = (created: Result["created"]) => {
    const url = URL.createObjectURL(new Blob([passwordsCsv(created)], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "temporary-passwords.csv";
    link.click();
    URL.revokeObjectURL(url);
  };

  const checked = result?.dryRun ? result : null;
  return (
    <>
      <p>
        <AppLink to={ACCOUNTS_PATH}>{t("sa.back")}</AppLink>
      </p>
      <h1 tabIndex={-1}>{t("im.title")}</h1>
      <p className="page-intro">{t("im.intro")}</p>
      <p>
        <strong>{t("im.rule")}</strong>
      </p>
      <div className="form account-form">
        <Field label={t("im.file")} optional id="import-file">
          <input id="import-file" type="file" accept=".csv,text/csv" onChange={(e) => void readFile(e.target.files?.[0])} data-testid="import-file" />
        </Field>
        <Field label={t("im.text")} optional>
          <TextArea rows={8} maxChars={1_000_000} value={csv} onChange={(e) => { setCsv(e.target.value); setResult(null); }} data-testid="import-text" spellCheck={false} />
        </Field>
        <p className="account-actions">
          <Button variant="secondary" busy={loading} onClick={() => void submit(true)} data-testid="import-check">
            {t("im.check")}
          </Button>{" "}
          {checked && checked.badRows === 0 ? (
            <Button busy={loading} onClick={() => void submit(false)} data-testid="import-run">
              {t("im.run", { count: checked.rows.length })}
            </Button>
          ) : null}
        </p>
      </div>
      <div aria-live="polite">
        {alert ? <Alert>{alert}</Alert> : null}
        {checked ? (
          <Alert tone={checked.badRows === 0 ? "success" : "error"} testId="import-summary">
            {checked.badRows === 0 ? t("im.ok", { count: checked.rows.length }) : t("im.bad", { bad: checked.badRows, count: checked.rows.length })}
          </Alert>
        ) : null}
        {result && !result.dryRun ? <Alert tone="success" testId="import-summary">{t("im.done", { count: result.imported })}</Alert> : null}
      </div>
      {checked ? (
        <div className="table-scroll">
          <table className="data-table" data-testid="import-rows">
            <thead>
              <tr>
                <th scope="col">{t("im.col.line")}</th>
                <th scope="col">{t("im.col.username")}</th>
                <th scope="col">{t("im.col.problems")}</th>
              </tr>
            </thead>
            <tbody>
              {checked.rows.map((row) => (
                <tr key={row.line} className={row.problems.length > 0 ? "import-row--bad" : undefined} data-testid="import-row">
                  <td>{row.line}</td>
                  <td>{row.username}</td>
                  <td>
                    {row.problems.length === 0 ? (
                      t("im.rowOk")
                    ) : (
                      <ul>
                        {row.problems.map((problem) => (
                          <li key={problem.field + problem.code}>
                            {fieldLabel(t, problem.field)}: {problemText(t, problem)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {result && !result.dryRun ? (
        <>
          <div className="table-scroll">
            <table className="data-table" data-testid="import-created">
              <thead>
                <tr>
                  <th scope="col">{t("im.col.username")}</th>
                  <th scope="col">{t("im.col.password")}</th>
                </tr>
              </thead>
              <tbody>
                {result.created.map((row) => (
                  <tr key={row.username}>
                    <td>{row.username}</td>
                    <td>
                      <code translate="no">{row.temporaryPassword}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Button variant="secondary" onClick={() => download(result.created)}>
            {t("im.download")}
          </Button>
        </>
      ) : null}
    </>
  );
}
