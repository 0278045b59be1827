import { JointCase } from "./joint-case.entity.js";
import { JointCaseEvent } from "./joint-event.entity.js";
import { JointCaseParty } from "./joint-party.entity.js";
import { JointRuleProposal } from "./joint-rule-proposal.entity.js";
import { jointTimerHandlers } from "./joint-timer.js";
import { JointCaseResolver } from "./joint.resolver.js";

/** Joint supervision's entities, resolvers and timer handlers, for the supervision module. */
export const jointEntities = [JointCase, JointCaseParty, JointCaseEvent, JointRuleProposal];
export const jointResolvers = [JointCaseResolver];
export { jointTimerHandlers };
