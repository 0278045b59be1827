import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

export enum OversightReportStatus {
  QUEUED = "QUEUED",
  RUNNING = "RUNNING",
  DONE = "DONE",
  FAILED = "FAILED",
}
export enum OversightReportStep {
  FIGURES = "FIGURES",
  RANKING = "RANKING",
  OVERDUE = "OVERDUE",
  RETURNED = "RETURNED",
  RE_REPORTED = "RE_REPORTED",
  ORDERS = "ORDERS",
  PDF = "PDF",
  CSV = "CSV",
}
export enum OversightReportFileKind {
  PDF = "PDF",
  FIGURES_CSV = "FIGURES_CSV",
  RANKING_CSV = "RANKING_CSV",
  TICKETS_CSV = "TICKETS_CSV",
  ORDERS_CSV = "ORDERS_CSV",
}

registerEnumType(OversightReportStatus, {
  name: "OversightReportStatus",
  description: "Where an oversight report stands.",
  valuesConfig: {
    QUEUED: { description: "Waiting to start." },
    RUNNING: { description: "Being produced; see progress and step." },
    DONE: { description: "Ready; download its files." },
    FAILED: { description: "Stopped; see error." },
  },
});
registerEnumType(OversightReportStep, {
  name: "OversightReportStep",
  description: "The step an oversight report is at.",
  valuesConfig: {
    FIGURES: { description: "Computing the figures." },
    RANKING: { description: "Ranking the units." },
    OVERDUE: { description: "Listing the overdue tickets." },
    RETURNED: { description: "Listing the returned tickets." },
    RE_REPORTED: { description: "Listing the re-reported tickets." },
    ORDERS: { description: "Listing the supervision orders." },
    PDF: { description: "Printing the PDF." },
    CSV: { description: "Writing the CSV tables and storing the files." },
  },
});
registerEnumType(OversightReportFileKind, {
  name: "OversightReportFileKind",
  description: "A file of an oversight report.",
  valuesConfig: {
    PDF: { description: "The print-ready report (A4)." },
    FIGURES_CSV: { description: "The figures with numerators, denominators and definitions (CSV, UTF-8 with BOM)." },
    RANKING_CSV: { description: "The ranking of units (CSV)." },
    TICKETS_CSV: { description: "The overdue, returned and re-reported tickets, callers masked (CSV)." },
    ORDERS_CSV: { description: "The supervision orders issued in the period (CSV)." },
  },
});

@ObjectType("OversightReportFile", { description: "A file of an oversight report; download it with GET `url` (same session)." })
export class OversightReportFileType {
  @Field(() => OversightReportFileKind, { description: "Which file." })
  kind!: OversightReportFileKind;

  @Field(() => ID, { description: "File id." })
  id!: string;

  @Field({ description: "File name." })
  filename!: string;

  @Field(() => Int, { description: "Size in bytes." })
  size!: number;

  @Field({ description: "Where to download it (relative to the gateway): /files/<id>." })
  url!: string;
}

@ObjectType("OversightReport", { description: "An oversight report (监督报告) produced in the background." })
export class OversightReportType {
  @Field(() => ID, { description: "Report id." })
  id!: string;

  @Field(() => OversightReportStatus, { description: "Where it stands." })
  status!: OversightReportStatus;

  @Field(() => OversightReportStep, { nullable: true, description: "The step running now (while RUNNING)." })
  step!: OversightReportStep | null;

  @Field(() => Int, { description: "Percent done, 0–100." })
  progress!: number;

  @Field({ description: "Language of its files: zh-CN or en." })
  language!: string;

  @Field(() => ID, { nullable: true, description: "The unit reported on; null = all units." })
  unitId!: string | null;

  @Field(() => String, { nullable: true, description: "The unit's Chinese name (null for all units)." })
  unitNameZh!: string | null;

  @Field(() => String, { nullable: true, description: "The unit's English name (null for all units)." })
  unitNameEn!: string | null;

  @Field({ description: "Whether the unit's sub-units are included." })
  includeSubUnits!: boolean;

  @Field({ description: "First day of the period (YYYY-MM-DD, Asia/Shanghai)." })
  from!: string;

  @Field({ description: "Last day of the period, included." })
  to!: string;

  @Field(() => [OversightReportFileType], { description: "Its files (when DONE): the PDF and the CSV tables." })
  files!: OversightReportFileType[];

  @Field(() => String, { nullable: true, description: "Why it failed (when FAILED)." })
  error!: string | null;

  @Field(() => Date, { description: "When it was asked for." })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: "When it finished or failed." })
  finishedAt!: Date | null;
}

@InputType("OversightReportInput", { description: "What an oversight report covers." })
export class OversightReportInput {
  @Field(() => ID, { nullable: true, description: "The unit reported on; omit for all units." })
  unitId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Include the unit's sub-units (default true)." })
  includeSubUnits?: boolean | null;

  @Field({ description: "First day of the period, YYYY-MM-DD (Asia/Shanghai)." })
  from!: string;

  @Field({ description: "Last day of the period, YYYY-MM-DD, included." })
  to!: string;

  @Field({ description: "Language of the files: zh-CN or en." })
  language!: string;
}
