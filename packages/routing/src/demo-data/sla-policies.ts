/**
 * Demo time limits (DOMAIN.md): dispatch within 4 working hours, sign for within 2, complaints
 * completed within 5 working days of dispatch; consultations 3, help requests 5, suggestions 10,
 * everything else 10 working days (450 working minutes each); near due at 80 %. Urgent tickets are
 * dispatched at once; emergencies within 15 minutes on the clock, nights and holidays included.
 */
export type DemoSlaPolicy = {
  requestType: "consultation" | "help" | "complaint" | "suggestion" | "report" | "praise" | "other" | null;
  urgency: "normal" | "urgent" | "emergency" | null;
  dispatchMinutes: number;
  signForMinutes: number;
  completionMinutes: number;
  nearDuePercent: number;
  aroundTheClock: boolean;
};

const DAY = 450;
const ordinary = (requestType: DemoSlaPolicy["requestType"], days: number): DemoSlaPolicy => ({
  requestType,
  urgency: null,
  dispatchMinutes: 240,
  signForMinutes: 120,
  completionMinutes: days * DAY,
  nearDuePercent: 80,
  aroundTheClock: false,
});

export const demoSlaPolicies: DemoSlaPolicy[] = [
  ordinary(null, 10),
  ordinary("consultation", 3),
  ordinary("help", 5),
  ordinary("complaint", 5),
  ordinary("suggestion", 10),
  { requestType: null, urgency: "urgent", dispatchMinutes: 0, signForMinutes: 30, completionMinutes: 2 * DAY, nearDuePercent: 80, aroundTheClock: false },
  { requestType: null, urgency: "emergency", dispatchMinutes: 15, signForMinutes: 15, completionMinutes: 24 * 60, nearDuePercent: 80, aroundTheClock: true },
];
