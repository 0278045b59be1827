import type { CallbackSettingsFieldsFragment, CallbackSettingsInput, RequestType } from "../gql/graphql.ts";

/** The general numbers of the settings form, as typed. */
export const GENERAL_FIELDS = ["missedCallReturnMinutes", "missedCallMaxTries", "missedCallRetryMinutes", "claimMinutes"] as const;
export type GeneralField = (typeof GENERAL_FIELDS)[number];
export const ROW_FIELDS = ["dueMinutes", "maxTries", "retryMinutes"] as const;
export type RowField = (typeof ROW_FIELDS)[number];

/** Limits entered in working hours or working days (stored, as before, in working minutes). */
const DURATION_FIELDS: ReadonlySet<string> = new Set(["dueMinutes", "retryMinutes", "missedCallReturnMinutes", "missedCallRetryMinutes"]);
export type DurationUnit = "hours" | "days";
/** A working day of the default calendar (08:30–12:00, 13:30–17:30). */
const WORKING_DAY_MINUTES = 450;
const UNIT_MINUTES: Record<DurationUnit, number> = { hours: 60, days: WORKING_DAY_MINUTES };

/** What a duration field holds while typed: an amount and its unit. */
type DurationDraft = { amount: string; unit: DurationUnit };
/** A field's draft: a duration for the limits, a whole number (as typed) for counts and the claim minutes. */
export type FieldDraft = string | DurationDraft;

/** The form's values: one row per request type, the survey share in percent. */
export type SettingsDraft = {
  rows: Array<{ requestType: RequestType } & Record<RowField, FieldDraft>>;
  surveyPercent: string;
} & Record<GeneralField, FieldDraft>;

function trimNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Working minutes shown in whole working days when they are, else in working hours (0.5 h = 30 min). */
function durationOf(minutes: number): DurationDraft {
  return minutes > 0 && minutes % WORKING_DAY_MINUTES === 0 ? { amount: String(minutes / WORKING_DAY_MINUTES), unit: "days" } : { amount: trimNumber(minutes / 60), unit: "hours" };
}

function fieldDraft(field: string, value: number): FieldDraft {
  return DURATION_FIELDS.has(field) ? durationOf(value) : String(value);
}

export function draftOf(settings: CallbackSettingsFieldsFragment): SettingsDraft {
  return {
    rows: settings.requestTypes.map((row) => ({
      requestType: row.requestType,
      dueMinutes: fieldDraft("dueMinutes", row.dueMinutes),
      maxTries: String(row.maxTries),
      retryMinutes: fieldDraft("retryMinutes", row.retryMinutes),
    })),
    surveyPercent: String(Math.round(settings.surveySampleRate * 10_000) / 100),
    missedCallReturnMinutes: fieldDraft("missedCallReturnMinutes", settings.missedCallReturnMinutes),
    missedCallMaxTries: String(settings.missedCallMaxTries),
    missedCallRetryMinutes: fieldDraft("missedCallRetryMinutes", settings.missedCallRetryMinutes),
    claimMinutes: String(settings.claimMinutes),
  };
}

const WHOLE = /^\d+$/;
const AMOUNT = /^\d+(\.\d+)?$/;

/**
 * The input for a draft, or the fields that are not numbers (named as the server names them:
 * `requestTypes.0.dueMinutes`, `surveySampleRate`, `claimMinutes` …). Durations become whole
 * working minutes (hours × 60, days × 450). Ranges are the server's to check.
 */
export function settingsInput(draft: SettingsDraft): { input: CallbackSettingsInput | null; invalid: string[] } {
  const invalid: string[] = [];
  const minutes = (field: string, value: FieldDraft): number => {
    const text = (typeof value === "string" ? value : value.amount).trim().replace(",", ".");
    if (typeof value === "string" ? !WHOLE.test(text) : !AMOUNT.test(text)) {
      invalid.push(field);
      return 0;
    }
    return typeof value === "string" ? Number(text) : Math.round(Number(text) * UNIT_MINUTES[value.unit]);
  };
  const requestTypes = draft.rows.map((row, index) => ({
    requestType: row.requestType,
    dueMinutes: minutes(`requestTypes.${index}.dueMinutes`, row.dueMinutes),
    maxTries: minutes(`requestTypes.${index}.maxTries`, row.maxTries),
    retryMinutes: minutes(`requestTypes.${index}.retryMinutes`, row.retryMinutes),
  }));
  const percent = Number(draft.surveyPercent.trim());
  if (draft.surveyPercent.trim() === "" || !Number.isFinite(percent) || percent < 0 || percent > 100) {
    invalid.push("surveySampleRate");
  }
  const general = Object.fromEntries(GENERAL_FIELDS.map((field) => [field, minutes(field, draft[field])])) as Record<GeneralField, number>;
  if (invalid.length > 0) {
    return { input: null, invalid };
  }
  return { input: { requestTypes, surveySampleRate: Math.round(percent * 100) / 10_000, ...general }, invalid };
}
