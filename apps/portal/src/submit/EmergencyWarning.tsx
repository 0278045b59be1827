import { useQuery } from "@apollo/client/react";
import { useDeferredValue } from "react";
import { CategoriesDocument } from "../gql/graphql.ts";
import { usePortalT } from "../messages.ts";
import { emergencyServices } from "./emergency.ts";

/**
 * Shown under the description while the chosen category or the description suggests an
 * emergency (gas leak, fire, someone in danger): call 110/119/120 now, with dial links. The form
 * stays usable: a citizen may still report the aftermath.
 */
export function EmergencyWarning({ categoryId, description }: { categoryId: string; description: string }) {
  const t = usePortalT();
  const categories = useQuery(CategoriesDocument);
  const text = useDeferredValue(description);
  const code = categories.data?.categories.find((category) => category.id === categoryId)?.code;
  const services = emergencyServices(code, text);
  return (
    <div aria-live="assertive">
      {services.length > 0 ? (
        <div className="emergency-warning" role="alert" data-testid="emergency-warning">
          <p className="emergency-warning__title">{t("submit.emergency.title")}</p>
          <p>{t("submit.emergency.body")}</p>
          <ul className="emergency-warning__numbers">
            {services.map((service) => (
              <li key={service}>
                <a href={`tel:${service}`} className="emergency-warning__call">
                  {t(`submit.emergency.call.${service}`)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
