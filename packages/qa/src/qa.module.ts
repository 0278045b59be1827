import { registerSeatRoster } from "@civicline/intake";
import type { DomainModule } from "@civicline/platform";
import { qaMigrations } from "./migrations/index.js";
import { QaCall, QaCallTicket } from "./calls/call-record.entity.js";
import { callTicketHandlers } from "./calls/call-records.js";
import { seedQaCoreDemo } from "./demo/qa-core.seed.js";
import { QaCallFieldsResolver, QaCoreResolver, QaSampleFieldsResolver } from "./qa-core.resolver.js";
import { currentSeatOf, resolveSeatOccupant } from "./roster/roster.js";
import { QaSeat, QaShift } from "./roster/roster.entity.js";
import { QaSample, QaSamplingRun, QaSamplingSettings } from "./sampling/sample.entity.js";
import { samplingSchedules } from "./sampling/sampling.js";
import { qaScoringEntities, qaScoringResolvers } from "./scoring/scoring.parts.js";
import { seedQaScoringDemo } from "./scoring/scoring.seed.js";
import { QaTeam, QaTeamMember } from "./teams/team.entity.js";

// The screen-pop follows the roster: on a seat shared by shifts, the call pops up for whoever sits there now.
registerSeatRoster({ occupant: resolveSeatOccupant, seatOf: currentSeatOf });

/**
 * Staff QA (质检): call records, seats and shifts, daily inspection samples, score forms,
 * inspections, appeals, weekly reviews and monthly assessments of call-takers.
 */
export const qaModule: DomainModule = {
  name: "qa",
  entities: [QaTeam, QaTeamMember, QaSeat, QaShift, QaCall, QaCallTicket, QaSample, QaSamplingRun, QaSamplingSettings, ...qaScoringEntities],
  migrations: qaMigrations,
  resolvers: [QaCoreResolver, QaCallFieldsResolver, QaSampleFieldsResolver, ...qaScoringResolvers],
  eventHandlers: (services) => [...callTicketHandlers(services.dataSource)],
  schedules: (services) => [...samplingSchedules(services)],
  seedDemo: async (context) => {
    await seedQaCoreDemo(context);
    await seedQaScoringDemo(context);
  },
};
