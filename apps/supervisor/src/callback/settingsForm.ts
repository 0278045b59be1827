import type { CallbackSettingsFieldsFragment, CallbackSettingsInput, RequestType } from "../gql/graphql.ts";

/** The general numbers of the settings form, as typed. */
export const GENERAL_FIELDS = ["missedCallReturnMinutes", "missedCallMaxTries", "missedCallRetryMinutes", "claimMinutes"] as const;
export type GeneralField = (typeof GENERAL_FIELDS)[number];
export const ROW_FIELDS = ["dueMinutes", "maxTries", "retryMinutes"] as const;
export type RowField = (typeof ROW_FIELDS)[number];

/** The form's text values: one row per request type, the survey share in percent. */
export type SettingsDraft = {
  rows: Array<{ requestType: RequestType } & Record<RowField, string>>;
  surveyPercent: string;
} & Record<GeneralField, string>;

export function draftOf(settings: CallbackSettingsFieldsFragment): SettingsDraft {
  return {
    rows: settings.requestTypes.map((row) => ({ requestType: row.requestType, dueMinutes: String(row.dueMinutes), maxTries: String(row.maxTries), retryMinutes: String(row.retryMinutes) })),
    surveyPercent: String(Math.round(settings.surveySampleRate * 10_000) / 100),
    missedCallReturnMinutes: String(settings.missedCallReturnMinutes),
    missedCallMaxTries: String(settings.missedCallMaxTries),
    missedCallRetryMinutes: String(settings.missedCallRetryMinutes),
    claimMinutes: String(settings.claimMinutes),
  };
}

const WHOLE = /^\d+$/;

/**
 * The input for a draft, or the fields that are not numbers (named as the server names them:
 * `requestTypes.0.dueMinutes`, `surveySampleRate`, `claimMinutes` …). Ranges are the server's to check.
 */
export function settingsInput(draft: SettingsDraft): { input: CallbackSettingsInput | null; invalid: string[] } {
  const invalid: string[] = [];
  const whole = (field: string, value: string): number => {
    if (!WHOLE.test(value.trim())) {
      invalid.push(field);
      return 0;
    }
    return Number(value.trim());
  };
  const requestTypes = draft.rows.map((row, index) => ({
    requestType: row.requestType,
    dueMinutes: whole(`requestTypes.${index}.dueMinutes`, row.dueMinutes),
    maxTries: whole(`requestTypes.${index}.maxTries`, row.maxTries),
    retryMinutes: whole(`requestTypes.${index}.retryMinutes`, row.retryMinutes),
  }));
  const percent = Number(draft.surveyPercent.trim());
  if (draft.surveyPercent.trim() === "" || !Number.isFinite(percent) || percent < 0 || percent > 100) {
    invalid.push("surveySampleRate");
  }
  const general = Object.fromEntries(GENERAL_FIELDS.map((field) => [field, whole(field, draft[field])])) as Record<GeneralField, number>;
  if (invalid.length > 0) {
    return { input: null, invalid };
  }
  return { input: { requestTypes, surveySampleRate: Math.round(percent * 100) / 10_000, ...general }, invalid };
}
