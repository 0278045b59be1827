import type { EmergencyService } from "../gql/graphql.ts";

/** What a call-taker goes through on an emergency call; stored by key, shown in the UI language. */
export const EMERGENCY_CHECKLIST = ["INJURIES", "EXACT_LOCATION", "SAFETY_ADVICE", "HAZARDS", "CALLBACK_NUMBER"] as const;
export type ChecklistKey = (typeof EMERGENCY_CHECKLIST)[number];

export const EMERGENCY_SERVICES: readonly EmergencyService[] = ["FIRE_119", "AMBULANCE_120", "POLICE_110", "TRAFFIC_122"];

export function isChecklistKey(value: string): value is ChecklistKey {
  return (EMERGENCY_CHECKLIST as readonly string[]).includes(value);
}
