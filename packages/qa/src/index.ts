import "reflect-metadata";

export { qaModule } from "./qa.module.js";
export { QaErrorCode } from "./qa.errors.js";
export * from "./access.js";
export { QaTeam, QaTeamMember } from "./teams/team.entity.js";
