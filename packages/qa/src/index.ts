import "reflect-metadata";

export { qaModule } from "./qa.module.js";
export { QaErrorCode } from "./qa.errors.js";
export * from "./access.js";
export { QaTeam, QaTeamMember } from "./teams/team.entity.js";
export { resolveSeatOccupant } from "./roster/roster.js";
export { openRecording, recordingPath, type Recording } from "./recordings/recordings.js";
export { QaCall, QaCallDirection, QaCallTicket } from "./calls/call-record.entity.js";
export { QaSample, QaSampleReason } from "./sampling/sample.entity.js";
export { sampleDay, planSample, runDailySampling, type SampleDayResult } from "./sampling/sampling.js";
export { markSampleInspected } from "./sampling/inspection-queue.js";
