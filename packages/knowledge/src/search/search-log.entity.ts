import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

export type SearchChannel = "staff" | "portal";

/** One search, for the knowledge-gaps report (searches that found nothing useful: no hit, or a weak best hit). */
@Entity({ name: "knowledge_search_log" })
@Index("knowledge_search_log_at_idx", ["at"])
export class SearchLog {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id!: string;

  /** The query as searched: normalised (NFKC, lower case, single spaces). */
  @Column({ type: "text" })
  query!: string;

  @Column({ name: "result_count", type: "integer" })
  resultCount!: number;

  /** Rank of the best hit (see WEAK_BEST_SCORE in search-recorder.ts); null when nothing was found or not known (older rows). */
  @Column({ name: "best_score", type: "real", nullable: true })
  bestScore!: number | null;

  @Column({ name: "actor_id", type: "uuid", nullable: true })
  actorId!: string | null;

  @Column({ type: "text" })
  channel!: SearchChannel;

  @Column({ type: "timestamptz", default: () => "now()" })
  at!: Date;
}
