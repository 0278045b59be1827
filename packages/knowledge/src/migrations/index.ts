import { Init1795561560569 } from "./1795561560569-Init.js";
import { ArticleChanges1796540000000 } from "./1796540000000-ArticleChanges.js";
import { SearchBestScore1796542000000 } from "./1796542000000-SearchBestScore.js";
import { UsageVersion1796543000000 } from "./1796543000000-UsageVersion.js";

/** The knowledge module's migrations, oldest first (generated list). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const knowledgeMigrations: Function[] = [Init1795561560569, ArticleChanges1796540000000, SearchBestScore1796542000000, UsageVersion1796543000000];
