import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";

export enum ImportFormat {
  JSON = "JSON",
  MARKDOWN = "MARKDOWN",
}
export enum ExportFormat {
  JSON = "JSON",
  MARKDOWN = "MARKDOWN",
}
export enum ImportJobStatus {
  QUEUED = "QUEUED",
  RUNNING = "RUNNING",
  DONE = "DONE",
  FAILED = "FAILED",
}

registerEnumType(ImportFormat, {
  name: "ImportFormat",
  description: "File format of an import.",
  valuesConfig: {
    JSON: { description: "A JSON array of articles (categoryCodes and owningUnit as codes; optional status DRAFT or PUBLISHED)." },
    MARKDOWN: { description: "One .md file with YAML front matter, or a .zip of them." },
  },
});
registerEnumType(ExportFormat, {
  name: "ExportFormat",
  description: "File format of an export.",
  valuesConfig: { JSON: { description: "A JSON array of articles." }, MARKDOWN: { description: "A .zip of .md files with YAML front matter." } },
});
registerEnumType(ImportJobStatus, {
  name: "ImportJobStatus",
  description: "Where an import stands.",
  valuesConfig: {
    QUEUED: { description: "Waiting to start." },
    RUNNING: { description: "Importing batch by batch." },
    DONE: { description: "Finished; see imported, rejected and rejections." },
    FAILED: { description: "Stopped by an error; batches already done stay imported." },
  },
});

@ObjectType("ImportRejection", { description: "An item that was not imported, and why." })
export class ImportRejectionType {
  @Field(() => Int, { description: "Position of the item in the file (from 0; for a zip, the .md files in name order)." })
  index!: number;

  @Field(() => String, { nullable: true, description: "Its title, when it had one." })
  title!: string | null;

  @Field({ description: "Why it was rejected." })
  reason!: string;
}

@ObjectType("ImportJob", { description: "An import of articles from an uploaded file." })
export class ImportJobType {
  @Field(() => ID, { description: "Job id." })
  id!: string;

  @Field(() => ImportJobStatus, { description: "Where the import stands." })
  status!: ImportJobStatus;

  @Field(() => Int, { description: "Items in the file." })
  total!: number;

  @Field(() => Int, { description: "Items handled so far (imported + rejected)." })
  processed!: number;

  @Field(() => Int, { description: "Articles imported." })
  imported!: number;

  @Field(() => Int, { description: "Items rejected." })
  rejected!: number;

  @Field(() => [ImportRejectionType], { description: "Rejected items with reasons (the first 1,000)." })
  rejections!: ImportRejectionType[];

  @Field(() => Date, { nullable: true, description: "When processing started." })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "When it finished or failed." })
  finishedAt!: Date | null;
}

@ObjectType("FileRef", { description: "A stored file; download it with GET `url` (same session)." })
export class FileRefType {
  @Field(() => ID, { description: "File id." })
  id!: string;

  @Field({ description: "File name." })
  filename!: string;

  @Field({ description: "Where to download it (relative to the gateway)." })
  url!: string;
}
