import { Entity, Index, PrimaryColumn } from "typeorm";

/**
 * The lexicon of Latin-script words that occur in articles, for correcting typos in queries
 * ("heatting" → "heating") through a pg_trgm index (hand-made in the migration).
 */
@Entity({ name: "knowledge_search_term" })
@Index("knowledge_search_term_trgm_idx", { synchronize: false })
export class SearchTerm {
  @PrimaryColumn({ type: "text" })
  term!: string;
}
