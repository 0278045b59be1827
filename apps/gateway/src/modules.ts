import { callbackModule } from "@civicline/callback";
import { intakeModule } from "@civicline/intake";
import { knowledgeModule } from "@civicline/knowledge";
import { platformModule, type DomainModule } from "@civicline/platform";
import { qaModule } from "@civicline/qa";
import { routingModule } from "@civicline/routing";
import { supervisionModule } from "@civicline/supervision";

/** The domain modules this gateway composes, in dependency order (seeding runs in this order too). */
export const modules: readonly DomainModule[] = [platformModule, intakeModule, routingModule, knowledgeModule, callbackModule, supervisionModule, qaModule];

export const allEntities = modules.flatMap((module) => module.entities);
export const allMigrations = modules.flatMap((module) => module.migrations);
