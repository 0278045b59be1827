/** The assessment's parts in the API's order, and the weights field of each. */
export const PART_KEYS = ["QA_SCORE", "CALLS_HANDLED", "HANDLE_TIME", "DIRECT_RATE", "PROCESS_SATISFACTION"] as const;
export type PartKey = (typeof PART_KEYS)[number];
export const WEIGHT_FIELDS = { QA_SCORE: "qaScore", CALLS_HANDLED: "callsHandled", HANDLE_TIME: "handleTime", DIRECT_RATE: "directRate", PROCESS_SATISFACTION: "processSatisfaction" } as const satisfies Record<PartKey, string>;
