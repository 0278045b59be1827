import { useQuery } from "@apollo/client/react";
import { Field, Select, useFormat } from "@civicline/ui";
import { DistrictsDocument, TownshipsDocument } from "../gql/graphql.ts";
import { usePortalT } from "../messages.ts";

export type LocationFieldsProps = {
  districtId: string;
  townshipId: string;
  districtError?: string;
  townshipError?: string;
  onDistrictChange: (districtId: string) => void;
  onTownshipChange: (townshipId: string) => void;
};

/** District (required), then the townships of that district (optional). */
export function LocationFields(props: LocationFieldsProps) {
  const t = usePortalT();
  const format = useFormat();
  const districts = useQuery(DistrictsDocument);
  const townships = useQuery(TownshipsDocument, {
    variables: { districtId: props.districtId },
    skip: props.districtId === "",
  });
  const townshipOptions = (props.districtId ? (townships.data?.areas ?? []) : []).map((area) => ({
    value: area.id,
    label: format.name(area),
  }));
  return (
    <div className="form-row">
      <Field id="submit-districtId" label={t("submit.district")} error={props.districtError}>
        <Select
          name="districtId"
          value={props.districtId}
          onChange={(event) => props.onDistrictChange(event.target.value)}
          options={(districts.data?.areas ?? []).map((area) => ({ value: area.id, label: format.name(area) }))}
        />
      </Field>
      <Field
        id="submit-townshipId"
        label={t("submit.township")}
        hint={t("submit.township.hint")}
        error={props.townshipError}
        optional
      >
        <Select
          name="townshipId"
          value={props.townshipId}
          disabled={props.districtId === "" || townships.loading}
          onChange={(event) => props.onTownshipChange(event.target.value)}
          placeholder={t("submit.township.none")}
          options={townshipOptions}
        />
      </Field>
    </div>
  );
}
