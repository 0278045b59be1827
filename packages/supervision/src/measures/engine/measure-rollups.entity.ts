import { Entity, Index, PrimaryColumn } from "typeorm";
import { MeasureCounterColumns } from "./measure-tables.entity.js";

/**
 * Roll-ups of `supervision_measure_day` with fewer dimensions, kept by a trigger on it in the same
 * transaction (see measure-rollups.ts). A figure for all units, a unit, an area or a category reads a
 * few hundred rows a year instead of the whole cube.
 *
 * Every roll-up is striped: a writing transaction adds into a stripe no other open transaction holds
 * (supervision_measure_stripe(), MEASURE_STRIPES in measure-sql.ts), so that concurrent ticket changes
 * of one day, unit, category or area do not queue on one row; reads sum over the stripes. The rebuild
 * writes stripe 0.
 */
@Entity({ name: "supervision_measure_day_all" })
export class MeasureDayAll extends MeasureCounterColumns {
  @PrimaryColumn({ type: "date" })
  day!: string;

  @PrimaryColumn({ type: "smallint" })
  stripe!: number;
}

@Entity({ name: "supervision_measure_day_by_unit" })
@Index("supervision_measure_day_by_unit_unit_idx", ["unitId", "day"])
export class MeasureDayByUnit extends MeasureCounterColumns {
  @PrimaryColumn({ type: "date" })
  day!: string;

  @PrimaryColumn({ name: "unit_id", type: "uuid" })
  unitId!: string;

  /** The writing transaction's stripe (supervision_measure_stripe()); 0 from the rebuild. */
  @PrimaryColumn({ type: "smallint", default: 0 })
  stripe!: number;
}

@Entity({ name: "supervision_measure_day_by_area" })
@Index("supervision_measure_day_by_area_district_idx", ["districtId", "day"])
@Index("supervision_measure_day_by_area_township_idx", ["townshipId", "day"])
export class MeasureDayByArea extends MeasureCounterColumns {
  @PrimaryColumn({ type: "date" })
  day!: string;

  @PrimaryColumn({ name: "district_id", type: "uuid" })
  districtId!: string;

  @PrimaryColumn({ name: "township_id", type: "uuid" })
  townshipId!: string;

  /** The writing transaction's stripe (supervision_measure_stripe()); 0 from the rebuild. */
  @PrimaryColumn({ type: "smallint", default: 0 })
  stripe!: number;
}

@Entity({ name: "supervision_measure_day_by_category" })
@Index("supervision_measure_day_by_category_category_idx", ["categoryId", "day"])
export class MeasureDayByCategory extends MeasureCounterColumns {
  @PrimaryColumn({ type: "date" })
  day!: string;

  @PrimaryColumn({ name: "category_id", type: "uuid" })
  categoryId!: string;

  /** The writing transaction's stripe (supervision_measure_stripe()); 0 from the rebuild. */
  @PrimaryColumn({ type: "smallint", default: 0 })
  stripe!: number;
}

/** Category × area: hot issues (a category in a district or township against its own history). */
@Entity({ name: "supervision_measure_day_by_category_area" })
@Index("supervision_measure_day_by_category_area_district_idx", ["districtId", "categoryId", "day"])
@Index("supervision_measure_day_by_category_area_township_idx", ["townshipId", "categoryId", "day"])
export class MeasureDayByCategoryArea extends MeasureCounterColumns {
  @PrimaryColumn({ type: "date" })
  day!: string;

  @PrimaryColumn({ name: "category_id", type: "uuid" })
  categoryId!: string;

  @PrimaryColumn({ name: "district_id", type: "uuid" })
  districtId!: string;

  @PrimaryColumn({ name: "township_id", type: "uuid" })
  townshipId!: string;

  /** The writing transaction's stripe (supervision_measure_stripe()); 0 from the rebuild. */
  @PrimaryColumn({ type: "smallint", default: 0 })
  stripe!: number;
}

export const MEASURE_ROLLUP_ENTITIES = [MeasureDayAll, MeasureDayByUnit, MeasureDayByArea, MeasureDayByCategory, MeasureDayByCategoryArea];
