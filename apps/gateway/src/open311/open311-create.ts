import {
  ANONYMOUS_NAME,
  CategoryFieldType,
  Channel,
  logCall,
  placeOpen311Location,
  Privacy,
  RequestType,
  type Category,
  type ExtraFieldValue,
  type Ticket,
} from "@civicline/intake";
import { DomainError, IntegratorScope, Role, ValidationError, hasAnyRole, hasScope, type Actor, type AppServices, type FieldError } from "@civicline/platform";
import { Open311Error } from "./open311-format.js";
import { param } from "./open311-params.js";
import { withMediaUrl } from "./open311-requests.js";

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const ATTRIBUTE = /^attribute\[([^\][]{1,60})\](\[\])?$/;
const DATE_OF_DATETIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}/;
const MEDIA_URL_MAX = 1000;
const REQUEST_TYPES = new Set<string>(Object.values(RequestType));
const PRIVACIES = new Set<string>(Object.values(Privacy));

/** Open311 parameter names for the fields intake reports errors on. */
const PARAMETER_OF: Record<string, string> = {
  description: "description",
  address: "address_string",
  citizenName: "first_name",
  phone: "phone",
  citizenEmail: "email",
  latitude: "lat",
  longitude: "long",
  clientRequestId: "client_request_id",
  categoryId: "service_code",
  districtId: "address_id",
  townshipId: "address_id",
  requestType: "request_type",
  privacy: "privacy",
};

/** Field errors as spec error descriptions, each naming the Open311 parameter. */
export function describeFieldErrors(fields: readonly FieldError[]): string[] {
  return fields.map((field) => {
    const name = field.field.startsWith("extraFields.") ? `attribute[${field.field.slice("extraFields.".length)}]` : (PARAMETER_OF[field.field] ?? field.field);
    return `${name}: ${field.message}`;
  });
}

/** The `attribute[code]` and `attribute[code][]` values, checked against the category's fields' kinds. */
function attributesOf(params: URLSearchParams, category: Category, errors: FieldError[]): ExtraFieldValue[] {
  const values = new Map<string, string[]>();
  for (const [key, value] of params) {
    const match = ATTRIBUTE.exec(key);
    if (match && value.trim() !== "") {
      values.set(match[1]!, [...(values.get(match[1]!) ?? []), value.trim()]);
    }
  }
  const result: ExtraFieldValue[] = [];
  for (const [code, given] of values) {
    const field = (category.fields ?? []).find((candidate) => candidate.key === code);
    if (given.length > 1) {
      errors.push({ field: `extraFields.${code}`, message: "This attribute takes one value (it is not a multivaluelist)." });
      continue;
    }
    const value = given[0]!;
    // a datetime attribute keeps its calendar date, as the service definition says
    const date = field?.type === CategoryFieldType.DATE ? DATE_OF_DATETIME.exec(value)?.[1] : undefined;
    result.push({ key: code, value: date ?? value });
  }
  return result;
}

function coordinate(params: URLSearchParams, name: "lat" | "long", errors: FieldError[]): number | null {
  const raw = param(params, name);
  if (raw === null) {
    return null;
  }
  if (!NUMBER.test(raw) || raw.length > 40) {
    errors.push({ field: name, message: `${name} must be a decimal number (WGS84 degrees).` });
    return null;
  }
  return Number(raw);
}

/** "First Last", or "LastFirst" when the name is written in Chinese characters. */
function fullName(first: string | null, last: string | null): string | null {
  if (!first && !last) {
    return null;
  }
  const cjk = /\p{Script=Han}/u.test(`${first ?? ""}${last ?? ""}`);
  return cjk ? `${last ?? ""}${first ?? ""}` : [first, last].filter(Boolean).join(" ");
}

function mediaUrlOf(params: URLSearchParams, errors: FieldError[]): string | null {
  const raw = param(params, "media_url");
  if (raw === null) {
    return null;
  }
  let valid = raw.length <= MEDIA_URL_MAX && !/\s/.test(raw);
  try {
    valid &&= ["http:", "https:"].includes(new URL(raw).protocol);
  } catch {
    valid = false;
  }
  if (!valid) {
    errors.push({ field: "media_url", message: `media_url must be an http(s) URL of at most ${MEDIA_URL_MAX} characters.` });
  }
  return valid ? raw : null;
}

/** The API key's actor, or 403 as the spec says (missing, unknown, or a key that may not create requests). */
export function requireCreator(actor: Actor | null, keyGiven: boolean): Actor {
  if (!keyGiven) {
    throw new Open311Error(403, "api_key was not provided -- can't proceed with create_request.");
  }
  if (!actor || actor.kind !== "integrator") {
    throw new Open311Error(403, "Invalid api_key received -- can't proceed with create_request.");
  }
  if (!hasAnyRole(actor, [Role.INTEGRATOR])) {
    throw new Open311Error(403, "This api_key may not create requests.");
  }
  if (!hasScope(actor, IntegratorScope.OPEN311)) {
    throw new Open311Error(403, "This api_key does not have the open311 scope.");
  }
  return actor;
}

/**
 * POST requests: maps the spec's parameters onto a logged request (channel OPEN311, the API key's
 * actor as creator), with the same validation as every channel, the category's required extra
 * fields as required attributes, and `client_request_id` / `Idempotency-Key` as the idempotency key.
 */
export async function createOpen311Request(
  services: AppServices,
  input: { actor: Actor; category: Category; params: URLSearchParams; idempotencyKey: string | null; defaultDistrict: string | null },
): Promise<Ticket> {
  const { params, category } = input;
  const errors: FieldError[] = [];
  const latitude = coordinate(params, "lat", errors);
  const longitude = coordinate(params, "long", errors);
  const addressString = param(params, "address_string");
  const addressId = param(params, "address_id");
  const hasPoint = param(params, "lat") !== null || param(params, "long") !== null;
  if (!hasPoint && !addressString && !addressId) {
    errors.push({ field: "location", message: "Give a location: lat and long, address_string, or address_id." });
  }
  const extraFields = attributesOf(params, category, errors);
  const mediaUrl = mediaUrlOf(params, errors);
  const requestType = param(params, "request_type")?.toLowerCase() ?? RequestType.HELP;
  if (!REQUEST_TYPES.has(requestType)) {
    errors.push({ field: "request_type", message: `request_type must be one of ${[...REQUEST_TYPES].join(", ")}.` });
  }
  const privacyParam = param(params, "privacy")?.toLowerCase() ?? null;
  if (privacyParam && !PRIVACIES.has(privacyParam)) {
    errors.push({ field: "privacy", message: `privacy must be one of ${[...PRIVACIES].join(", ")}.` });
  }
  if (errors.length > 0) {
    throw new ValidationError(errors);
  }
  const placement = await placeOpen311Location(services.dataSource, { addressId, addressString, defaultDistrict: input.defaultDistrict });
  const place = placement.placedBy === "address_id" ? [placement.district.nameZh, placement.township?.nameZh].filter(Boolean).join(" ") : "";
  const point = latitude !== null && longitude !== null ? `经纬度 / coordinates ${latitude}, ${longitude}` : "";
  const address = addressString ?? ([place, point].filter(Boolean).join(" ") || placement.district.nameZh);
  const name = fullName(param(params, "first_name"), param(params, "last_name"));
  const privacy = (privacyParam as Privacy | null) ?? (name ? null : Privacy.ANONYMOUS);
  return logCall({
    db: services.dataSource,
    cityPrefix: services.config.cityPrefix,
    actor: input.actor,
    input: {
      channel: Channel.OPEN311,
      requestType: requestType as RequestType,
      categoryId: category.id,
      description: withMediaUrl(param(params, "description") ?? "", mediaUrl),
      districtId: placement.district.id,
      townshipId: placement.township?.id ?? null,
      address,
      latitude,
      longitude,
      citizenName: name ?? ANONYMOUS_NAME,
      phone: param(params, "phone") ?? "",
      citizenEmail: param(params, "email"),
      privacy,
      extraFields,
      clientRequestId: input.idempotencyKey,
    },
  });
}

/** Domain errors of a POST as spec errors: field problems 400, forbidden 403, an unknown category 404. */
export function open311ErrorFor(error: unknown): Open311Error | null {
  if (!(error instanceof DomainError)) {
    return null;
  }
  const fields = Array.isArray(error.details.fields) ? (error.details.fields as FieldError[]) : [];
  if (error.code === "FORBIDDEN" || error.code === "UNAUTHENTICATED") {
    return new Open311Error(403, "This api_key may not create requests.");
  }
  if (error.code === "INTAKE/UNKNOWN_CATEGORY") {
    return new Open311Error(404, "service_code provided was not found");
  }
  return new Open311Error(400, fields.length > 0 ? describeFieldErrors(fields) : [error.message]);
}
