import { useQuery } from "@apollo/client/react";
import { Combobox, Field, TextInput, useFormat, type ComboboxItem } from "@civicline/ui";
import { useCallback, useMemo } from "react";
import { CallAreasDocument, type CallAreasQuery } from "../gql/graphql.ts";
import { useOperatorT } from "../messages.ts";
import { normalize } from "./categories.ts";

type Area = CallAreasQuery["areas"][number];

/** Areas whose Chinese name, English name or code contains every word of the query, in server order. */
export function searchAreas(areas: readonly Area[], query: string, label: (area: Area) => string): ComboboxItem[] {
  const words = normalize(query).split(" ").filter(Boolean);
  return areas
    .filter((area) => {
      const haystack = normalize(`${area.nameZh} ${area.nameEn ?? ""} ${area.code}`);
      return words.every((word) => haystack.includes(word));
    })
    .map((area) => ({ id: area.id, label: label(area), detail: area.nameEn && label(area) !== area.nameZh ? area.nameZh : (area.nameEn ?? undefined) }));
}

export type LocationPickersProps = {
  districtId: string;
  townshipId: string;
  address: string;
  errors: Readonly<Record<string, string>>;
  onChange: (patch: { districtId?: string; townshipId?: string; address?: string }) => void;
};

/** District → township (both search-as-you-type), then the street address. */
export function LocationPickers({ districtId, townshipId, address, errors, onChange }: LocationPickersProps) {
  const t = useOperatorT();
  const format = useFormat();
  const districts = useQuery(CallAreasDocument, { variables: { parentId: null } });
  const townships = useQuery(CallAreasDocument, { variables: { parentId: districtId }, skip: districtId === "" });
  const districtList = useMemo(() => districts.data?.areas ?? [], [districts.data]);
  const townshipList = useMemo(() => (districtId ? (townships.data?.areas ?? []) : []), [districtId, townships.data]);

  const searchDistricts = useCallback((query: string) => searchAreas(districtList, query, format.name), [districtList, format]);
  const searchTownships = useCallback((query: string) => searchAreas(townshipList, query, format.name), [townshipList, format]);
  const nameOf = (list: readonly Area[], id: string) => {
    const area = list.find((a) => a.id === id);
    return area ? format.name(area) : "";
  };
  const results = (count: number) => t("combobox.results", { count });

  return (
    <>
      <div className="form-row">
        <Field id="call-districtId" label={t("call.district")} error={errors.districtId}>
          <Combobox
            name="districtId"
            value={districtId}
            selectedLabel={nameOf(districtList, districtId)}
            search={searchDistricts}
            onChange={(id) => onChange({ districtId: id, townshipId: "" })}
            listLabel={t("call.district")}
            noResults={t("combobox.noResults")}
            resultsLabel={results}
            placeholder={t("call.district.placeholder")}
          />
        </Field>
        <Field id="call-townshipId" label={t("call.township")} error={errors.townshipId} optional>
          <Combobox
            name="townshipId"
            value={townshipId}
            selectedLabel={nameOf(townshipList, townshipId)}
            search={searchTownships}
            onChange={(id) => onChange({ townshipId: id })}
            listLabel={t("call.township")}
            noResults={districtId ? t("combobox.noResults") : t("call.township.pickDistrict")}
            resultsLabel={results}
            placeholder={districtId ? t("call.township.placeholder") : t("call.township.pickDistrict")}
          />
        </Field>
      </div>
      <Field id="call-address" label={t("call.address")} error={errors.address}>
        <TextInput name="address" value={address} onChange={(event) => onChange({ address: event.target.value })} />
      </Field>
    </>
  );
}
