import { ValidationError, normalizeText } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { Area } from "../catalog/area.entity.js";

/** Where an Open311 request was placed, and which rule placed it. */
export type Open311Placement = {
  district: Area;
  township: Area | null;
  /** `address_id`: a division code; `address_string`: names found in the text; `default`: neither placed it. */
  placedBy: "address_id" | "address_string" | "default";
};

export type PlaceLocationInput = {
  /** A district/county (6-digit) or township/street (9-digit) division code. */
  addressId?: string | null;
  addressString?: string | null;
  /** Division code or Chinese name of the district used when nothing else places the request. */
  defaultDistrict?: string | null;
};

const ADDRESS_ID = /^\d{6}(\d{3})?$/;

function fold(text: string): string {
  return normalizeText(text).toLowerCase();
}

/** The full names of an area a citizen may write (Chinese, and the English name where maintained). */
function namesOf(area: Area): string[] {
  return [area.nameZh, area.nameEn].filter((name): name is string => !!name && name.length >= 2).map(fold);
}

/** Where in the text the area's first name occurs, or -1. */
function positionIn(text: string, area: Area): number {
  const positions = namesOf(area)
    .map((name) => text.indexOf(name))
    .filter((index) => index >= 0);
  return positions.length > 0 ? Math.min(...positions) : -1;
}

/** The township named in the text: the longest matching name, so 金岭回族镇 wins over a shorter name inside it. */
function namedTownship(text: string, townships: Area[]): Area | null {
  const named = townships.filter((township) => positionIn(text, township) >= 0);
  named.sort((a, b) => b.nameZh.length - a.nameZh.length);
  return named[0] ?? null;
}

function fromAddressString(text: string, districts: Area[], townships: Area[]): Omit<Open311Placement, "placedBy"> | null {
  const named = districts
    .map((district) => ({ district, at: positionIn(text, district) }))
    .filter((match) => match.at >= 0)
    .sort((a, b) => a.at - b.at);
  const district = named[0]?.district;
  if (district) {
    return { district, township: namedTownship(text, townships.filter((township) => township.parentId === district.id)) };
  }
  const township = namedTownship(text, townships);
  if (!township) {
    return null;
  }
  const sameName = townships.filter((other) => other.nameZh === township.nameZh);
  const parent = districts.find((candidate) => candidate.id === township.parentId);
  // A township name that exists in two districts does not say which one is meant.
  return sameName.length === 1 && parent ? { district: parent, township } : null;
}

/**
 * Places an Open311 request in a district (and township when known), because every ticket needs a
 * district for routing. In order: `address_id` as a division code (unknown codes are refused);
 * the district and township names found in `address_string` (full names only: 张店区, Zhangdian
 * District, 车站街道; a township alone places its district when its name is unique in the city);
 * otherwise the default district (by code or Chinese name; else the first district by code) with
 * the township unknown, for a dispatcher to correct.
 */
export async function placeOpen311Location(db: DataSource | EntityManager, input: PlaceLocationInput): Promise<Open311Placement> {
  const areas = await db.getRepository(Area).find({ order: { code: "ASC" } });
  const districts = areas.filter((area) => area.level === "DISTRICT");
  const townships = areas.filter((area) => area.level === "TOWNSHIP");
  const addressId = input.addressId?.trim();
  if (addressId) {
    const area = ADDRESS_ID.test(addressId) ? areas.find((candidate) => candidate.code === addressId) : undefined;
    if (area?.level === "DISTRICT") {
      return { district: area, township: null, placedBy: "address_id" };
    }
    const parent = area?.level === "TOWNSHIP" ? districts.find((district) => district.id === area.parentId) : undefined;
    if (area && parent) {
      return { district: parent, township: area, placedBy: "address_id" };
    }
    throw new ValidationError([
      {
        field: "address_id",
        code: "UNKNOWN",
        message: "address_id must be the division code of a district or county (6 digits) or a township or street (9 digits) of this jurisdiction.",
      },
    ]);
  }
  const text = input.addressString ? fold(input.addressString) : "";
  const placed = text ? fromAddressString(text, districts, townships) : null;
  if (placed) {
    return { ...placed, placedBy: "address_string" };
  }
  const wanted = input.defaultDistrict?.trim();
  const district =
    (wanted && districts.find((candidate) => candidate.code === wanted || candidate.nameZh === wanted)) || districts[0];
  if (!district) {
    throw new Error("no district is configured: load the area tree first");
  }
  return { district, township: null, placedBy: "default" };
}
