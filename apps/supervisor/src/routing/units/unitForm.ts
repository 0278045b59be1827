import type { UnitDirectoryFieldsFragment, UnitInput, UnitKind } from "../../gql/graphql.ts";

export const UNIT_KINDS: readonly UnitKind[] = ["CITY_CENTRE", "BUREAU", "DISTRICT_GOVERNMENT", "TOWNSHIP_OFFICE", "OTHER"];

export type UnitFormValues = {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: UnitKind;
  /** The chosen district and township; empty: keep `keptAreaId` (e.g. the whole city). */
  districtId: string;
  townshipId: string;
  /** An area that is neither a district nor a township of one (a bureau's city), kept as is. */
  keptAreaId: string | null;
  parentId: string;
  contactPhone: string;
  active: boolean;
};

export const emptyUnitForm: UnitFormValues = {
  code: "",
  nameZh: "",
  nameEn: "",
  kind: "TOWNSHIP_OFFICE",
  districtId: "",
  townshipId: "",
  keptAreaId: null,
  parentId: "",
  contactPhone: "",
  active: true,
};

/**
 * The form for a saved unit. Its area is a district when it is one of `districtIds`; a township
 * when the parent unit's area is a district (a township office under its district government);
 * anything else (the city) is kept as is unless the admin picks a district.
 */
export function formFromUnit(unit: UnitDirectoryFieldsFragment, districtIds: readonly string[], parent: UnitDirectoryFieldsFragment | null): UnitFormValues {
  const base = {
    ...emptyUnitForm,
    code: unit.code,
    nameZh: unit.nameZh,
    nameEn: unit.nameEn,
    kind: unit.kind,
    parentId: unit.parentId ?? "",
    contactPhone: unit.contactPhone ?? "",
    active: unit.active,
  };
  if (!unit.areaId) {
    return base;
  }
  if (districtIds.includes(unit.areaId)) {
    return { ...base, districtId: unit.areaId };
  }
  if (parent?.areaId && districtIds.includes(parent.areaId)) {
    return { ...base, districtId: parent.areaId, townshipId: unit.areaId };
  }
  return { ...base, keptAreaId: unit.areaId };
}

/** The mutation input for the form's values. */
export function toUnitInput(values: UnitFormValues): UnitInput {
  return {
    code: values.code.trim(),
    nameZh: values.nameZh.trim(),
    nameEn: values.nameEn.trim(),
    kind: values.kind,
    areaId: values.townshipId || values.districtId || values.keptAreaId || null,
    parentId: values.parentId || null,
    contactPhone: values.contactPhone.trim() || null,
    active: values.active,
  };
}

/** Units whose code or either name contains `query` (case-insensitive), all of them for an empty query. */
export function filterUnits<T extends Pick<UnitDirectoryFieldsFragment, "code" | "nameZh" | "nameEn">>(units: readonly T[], query: string): T[] {
  const q = query.trim().toLowerCase();
  return q ? units.filter((unit) => [unit.code, unit.nameZh, unit.nameEn].some((value) => value.toLowerCase().includes(q))) : [...units];
}

/** The ids of `unitId` and every unit below it (a unit cannot move under one of these). */
export function selfAndDescendants(units: readonly Pick<UnitDirectoryFieldsFragment, "id" | "parentId">[], unitId: string): Set<string> {
  const ids = new Set([unitId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId && ids.has(unit.parentId) && !ids.has(unit.id)) {
        ids.add(unit.id);
        grew = true;
      }
    }
  }
  return ids;
}
