import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** A deduction (扣分项) of a criterion: ticked by the inspector, it takes `points` off the criterion. */
export type QaDeductionDefinition = { key: string; label: string; labelEn: string; points: number };

/** A criterion of a score form: scored from 0 to `weight` points. */
export type QaCriterionDefinition = { key: string; label: string; labelEn: string; weight: number; deductions: QaDeductionDefinition[] };

/** A critical error (一票否决): ticked, it sets the whole score to 0. */
export type QaCriticalErrorDefinition = { key: string; label: string; labelEn: string };

/** A score form (质检评分表). Its content lives in versions; a scored inspection keeps the version it was scored with. */
@Entity({ name: "qa_score_form" })
export class QaScoreForm {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "text" })
  name!: string;

  @Column({ name: "name_en", type: "text" })
  nameEn!: string;

  /** The form an inspection uses unless another is chosen (exactly one; the migration's form). */
  @Column({ name: "is_default", type: "boolean", default: false })
  isDefault!: boolean;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;
}

/** One version of a score form; never changed once saved (an edit adds the next version). */
@Entity({ name: "qa_score_form_version" })
@Index("qa_score_form_version_key", ["formId", "version"], { unique: true })
export class QaScoreFormVersion {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "form_id", type: "uuid" })
  formId!: string;

  /** 1, 2, 3 … per form, in the order saved. */
  @Column({ type: "integer" })
  version!: number;

  @Column({ type: "jsonb" })
  criteria!: QaCriterionDefinition[];

  @Column({ name: "critical_errors", type: "jsonb" })
  criticalErrors!: QaCriticalErrorDefinition[];

  /** Σ criterion weights (a score is 100 × Σ points / this). */
  @Column({ name: "total_weight", type: "integer" })
  totalWeight!: number;

  @Column({ type: "text", nullable: true })
  note!: string | null;

  @Column({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  @Column({ name: "created_by_name", type: "text" })
  createdByName!: string;
}
