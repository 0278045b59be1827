import { Init1795559280200 } from "./1795559280200-Init.js";
import { Workbench1795562672542 } from "./1795562672542-Workbench.js";
import { AssignmentFinalDecision1796544039109 } from "./1796544039109-AssignmentFinalDecision.js";
import { FollowUps1796545473272 } from "./1796545473272-FollowUps.js";
import { ListIndexesCatalogueVersion1796567252527 } from "./1796567252527-ListIndexesCatalogueVersion.js";

/** The routing module's migrations, oldest first (generated list). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const routingMigrations: Function[] = [Init1795559280200, Workbench1795562672542, AssignmentFinalDecision1796544039109, FollowUps1796545473272, ListIndexesCatalogueVersion1796567252527];
