import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * The intake queues' counts, kept by triggers on `intake_ticket` in the transaction that changes a
 * ticket (migration QueueCounts): `key` is `received`, `waiting`, `emergencies` or
 * `mine:<creator id>:<hotline day>`; each key is spread over a few stripes (chosen by the writing
 * connection) so that concurrent transactions do not queue on one row. A count is the sum of its
 * key's stripes: the queue counts read a handful of rows instead of counting tickets.
 */
@Entity({ name: "intake_queue_count" })
export class QueueCount {
  @PrimaryColumn({ type: "text" })
  key!: string;

  @PrimaryColumn({ type: "smallint" })
  stripe!: number;

  @Column({ type: "integer", default: 0 })
  count!: number;
}
