import { RequestType } from "@civicline/intake";
import { assertNoFieldErrors, requireRole, type Actor, type FieldError } from "@civicline/platform";
import { DataSource, type EntityManager } from "typeorm";
import { SETTINGS_EDITORS } from "../callback.errors.js";
import { CallbackEvent, recordCallbackEvent } from "../callback.events.js";
import { CallbackSettings, type RequestTypeSetting } from "./callback-settings.entity.js";

/** The settings as the rules use them. */
export type CallbackSettingsValues = {
  requestTypes: RequestTypeSetting[];
  surveySampleRate: number;
  missedCallReturnMinutes: number;
  missedCallMaxTries: number;
  missedCallRetryMinutes: number;
  claimMinutes: number;
  updatedAt: Date | null;
  updatedByName: string | null;
};

/** One working day of the default calendar (08:30–12:00, 13:30–17:30). */
const WORKING_DAY = 450;

/** Callback within 1 working day of the reply for complaints, help requests and reports; 2 for the rest. */
const DEFAULT_DUE: Readonly<Record<RequestType, number>> = {
  [RequestType.CONSULTATION]: 2 * WORKING_DAY,
  [RequestType.HELP]: WORKING_DAY,
  [RequestType.COMPLAINT]: WORKING_DAY,
  [RequestType.SUGGESTION]: 2 * WORKING_DAY,
  [RequestType.REPORT]: WORKING_DAY,
  [RequestType.PRAISE]: 2 * WORKING_DAY,
  [RequestType.OTHER]: 2 * WORKING_DAY,
};

/** What applies until an admin saves the settings. */
export const DEFAULT_SETTINGS: CallbackSettingsValues = {
  requestTypes: Object.values(RequestType).map((requestType) => ({ requestType, dueMinutes: DEFAULT_DUE[requestType], maxTries: 3, retryMinutes: 120 })),
  surveySampleRate: 0.1,
  missedCallReturnMinutes: 60,
  missedCallMaxTries: 3,
  missedCallRetryMinutes: 30,
  claimMinutes: 15,
  updatedAt: null,
  updatedByName: null,
};

/** Accepted ranges (working minutes unless said otherwise). */
export const SETTING_LIMITS = {
  dueMinutes: { min: 30, max: 20 * WORKING_DAY },
  maxTries: { min: 1, max: 10 },
  retryMinutes: { min: 5, max: 5 * WORKING_DAY },
  missedCallReturnMinutes: { min: 5, max: 5 * WORKING_DAY },
  missedCallMaxTries: { min: 1, max: 10 },
  missedCallRetryMinutes: { min: 5, max: 2 * WORKING_DAY },
  claimMinutes: { min: 1, max: 240 },
} as const;

const SETTINGS_ID = 1;

function merged(row: CallbackSettings | null): CallbackSettingsValues {
  if (!row) {
    return { ...DEFAULT_SETTINGS, requestTypes: DEFAULT_SETTINGS.requestTypes.map((entry) => ({ ...entry })) };
  }
  // A request type added after the settings were saved falls back to its default.
  const requestTypes = DEFAULT_SETTINGS.requestTypes.map((fallback) => ({ ...fallback, ...row.requestTypes.find((entry) => entry.requestType === fallback.requestType) }));
  return {
    requestTypes,
    surveySampleRate: row.surveySampleRate,
    missedCallReturnMinutes: row.missedCallReturnMinutes,
    missedCallMaxTries: row.missedCallMaxTries,
    missedCallRetryMinutes: row.missedCallRetryMinutes,
    claimMinutes: row.claimMinutes,
    updatedAt: row.updatedAt,
    updatedByName: row.updatedByName,
  };
}

/** The settings in force: the saved row, or the defaults. */
export async function loadCallbackSettings(db: DataSource | EntityManager): Promise<CallbackSettingsValues> {
  const manager = db instanceof DataSource ? db.manager : db;
  return merged(await manager.findOne(CallbackSettings, { where: { id: SETTINGS_ID } }));
}

/** The limits of one request type. */
export function settingFor(settings: CallbackSettingsValues, requestType: string): RequestTypeSetting {
  return settings.requestTypes.find((entry) => entry.requestType === requestType) ?? settings.requestTypes.find((entry) => entry.requestType === RequestType.OTHER)!;
}

/** What an admin sends; request types left out keep their current values. */
export type CallbackSettingsRequest = {
  requestTypes?: ReadonlyArray<{ requestType: RequestType; dueMinutes: number; maxTries: number; retryMinutes: number }> | null;
  surveySampleRate: number;
  missedCallReturnMinutes: number;
  missedCallMaxTries: number;
  missedCallRetryMinutes: number;
  claimMinutes: number;
};

function checkInteger(errors: FieldError[], field: string, value: number, range: { min: number; max: number }, unit: string): void {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    errors.push({ field, code: "OUT_OF_RANGE", message: `Give a whole number of ${unit} from ${range.min} to ${range.max}.` });
  }
}

/** Every rule a settings change must meet, as field errors (all at once). */
export function validateSettings(request: CallbackSettingsRequest): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  (request.requestTypes ?? []).forEach((entry, index) => {
    const at = (field: string) => `requestTypes.${index}.${field}`;
    if (!Object.values(RequestType).includes(entry.requestType)) {
      errors.push({ field: at("requestType"), code: "INVALID_FORMAT", message: "Choose a request type from the list." });
    } else if (seen.has(entry.requestType)) {
      errors.push({ field: at("requestType"), code: "DUPLICATE", message: "Each request type may appear once." });
    }
    seen.add(entry.requestType);
    checkInteger(errors, at("dueMinutes"), entry.dueMinutes, SETTING_LIMITS.dueMinutes, "working minutes");
    checkInteger(errors, at("maxTries"), entry.maxTries, SETTING_LIMITS.maxTries, "tries");
    checkInteger(errors, at("retryMinutes"), entry.retryMinutes, SETTING_LIMITS.retryMinutes, "working minutes");
  });
  if (typeof request.surveySampleRate !== "number" || !Number.isFinite(request.surveySampleRate) || request.surveySampleRate < 0 || request.surveySampleRate > 1) {
    errors.push({ field: "surveySampleRate", code: "OUT_OF_RANGE", message: "Give a share from 0 to 1 (0.1 = one in ten)." });
  }
  checkInteger(errors, "missedCallReturnMinutes", request.missedCallReturnMinutes, SETTING_LIMITS.missedCallReturnMinutes, "working minutes");
  checkInteger(errors, "missedCallMaxTries", request.missedCallMaxTries, SETTING_LIMITS.missedCallMaxTries, "tries");
  checkInteger(errors, "missedCallRetryMinutes", request.missedCallRetryMinutes, SETTING_LIMITS.missedCallRetryMinutes, "working minutes");
  checkInteger(errors, "claimMinutes", request.claimMinutes, SETTING_LIMITS.claimMinutes, "minutes");
  return errors;
}

/**
 * Saves the settings (admins). Every field is checked first; the change applies to tasks and missed
 * calls created afterwards (existing ones keep the limits they were created with).
 */
export async function saveCallbackSettings(
  dataSource: DataSource,
  input: { actor: Actor | null; request: CallbackSettingsRequest; now?: Date },
): Promise<CallbackSettingsValues> {
  const actor = requireRole(input.actor, SETTINGS_EDITORS);
  assertNoFieldErrors(validateSettings(input.request));
  const { request } = input;
  return dataSource.transaction(async (manager) => {
    // Serialises concurrent saves, so one admin's per-type edits are not lost to another's.
    await manager.query("SELECT pg_advisory_xact_lock(hashtext('callback_settings'))");
    const current = await loadCallbackSettings(manager);
    const requestTypes = current.requestTypes.map((entry) => {
      const change = request.requestTypes?.find((candidate) => candidate.requestType === entry.requestType);
      return change ? { requestType: entry.requestType, dueMinutes: change.dueMinutes, maxTries: change.maxTries, retryMinutes: change.retryMinutes } : entry;
    });
    const row: CallbackSettings = Object.assign(new CallbackSettings(), {
      id: SETTINGS_ID,
      requestTypes,
      surveySampleRate: request.surveySampleRate,
      missedCallReturnMinutes: request.missedCallReturnMinutes,
      missedCallMaxTries: request.missedCallMaxTries,
      missedCallRetryMinutes: request.missedCallRetryMinutes,
      claimMinutes: request.claimMinutes,
      updatedAt: input.now ?? new Date(),
      updatedByName: actor.name,
    });
    await manager.save(CallbackSettings, row);
    await recordCallbackEvent(manager, CallbackEvent.SETTINGS_CHANGED, { changedBy: actor.name }, actor.kind === "staff" ? actor.id : null);
    return merged(row);
  });
}
