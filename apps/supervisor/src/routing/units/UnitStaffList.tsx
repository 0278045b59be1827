import { useQuery } from "@apollo/client/react";
import { Alert, Button, Loading, useRoutingErrorMessage } from "@civicline/ui";
import { UnitStaffDocument } from "../../gql/graphql.ts";
import { useSupervisorRoutingT } from "../messages.ts";

/** The handler accounts of one unit. */
export function UnitStaffList({ unitId, unitName, onClose }: { unitId: string; unitName: string; onClose: () => void }) {
  const t = useSupervisorRoutingT();
  const errorMessage = useRoutingErrorMessage();
  const { data, loading, error } = useQuery(UnitStaffDocument, { variables: { unitId }, fetchPolicy: "cache-and-network" });
  const staff = data?.unitStaff ?? [];
  return (
    <section className="card" aria-labelledby="unit-staff-title" data-testid="unit-staff">
      <div className="section-header">
        <h2 id="unit-staff-title">{t("sr.ud.staffTitle", { unit: unitName })}</h2>
        <Button variant="ghost" onClick={onClose}>
          {t("sr.ud.close")}
        </Button>
      </div>
      {error && !data ? <Alert>{`${t("sr.ud.staffLoadFailed")} ${errorMessage(error) ?? ""}`}</Alert> : null}
      {loading && !data ? <Loading /> : null}
      {data && staff.length === 0 ? <p>{t("sr.ud.staffEmpty")}</p> : null}
      {staff.length > 0 ? (
        <ul className="unit-staff-list">
          {staff.map((user) => (
            <li key={user.id} data-testid="unit-staff-member">
              {user.displayName} <span className="unit-code">{user.username}</span>
              {user.active ? null : <span className="badge badge--done">{t("sr.ud.inactive")}</span>}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
