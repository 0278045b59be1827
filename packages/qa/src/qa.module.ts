import type { DomainModule } from "@civicline/platform";
import { qaMigrations } from "./migrations/index.js";
import { QaTeam, QaTeamMember } from "./teams/team.entity.js";

/**
 * Staff QA (质检): call records, seats and shifts, daily inspection samples, score forms,
 * inspections, appeals, weekly reviews and monthly assessments of call-takers.
 */
export const qaModule: DomainModule = {
  name: "qa",
  entities: [QaTeam, QaTeamMember],
  migrations: qaMigrations,
  resolvers: [],
};
