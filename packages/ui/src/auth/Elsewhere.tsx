import { useFormat, useT } from "../i18n/I18nProvider.tsx";

/** The other staff app, relative to this one: `/supervisor/` → `/operator/`. */
function siblingAppHref(app: "operator" | "supervisor", base: string = import.meta.env.BASE_URL): string {
  return `${base.replace(/[^/]+\/?$/u, "")}${app}/`;
}

/**
 * A role with nothing to do in this app (issue 16 bug 10) is told so, and where its work is, instead
 * of landing on a refused page.
 */
export function Elsewhere({ roles, target }: { roles: readonly string[]; target: "operator" | "supervisor" }) {
  const t = useT();
  const format = useFormat();
  const roleNames = roles.filter((role) => role !== "INTEGRATOR").map((role) => format.role(role)).join("、");
  return (
    <section className="card empty-state" aria-labelledby="elsewhere-title" data-testid="elsewhere">
      <h2 id="elsewhere-title">{t("elsewhere.title")}</h2>
      <p>{t("elsewhere.body", { roles: roleNames })}</p>
      <p>
        <a className="button" href={siblingAppHref(target)} data-testid="elsewhere-link">
          {t(target === "operator" ? "elsewhere.toOperator" : "elsewhere.toSupervisor")}
        </a>
      </p>
    </section>
  );
}
