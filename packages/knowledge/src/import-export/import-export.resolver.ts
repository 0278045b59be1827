import { requireRole, type AppServices, type RequestContext } from "@civicline/platform";
import { Arg, Ctx, ID, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import { TRANSFER_ROLES } from "../article/article-access.js";
import { ArticleStatus } from "../article/article.enums.js";
import { exportArticles } from "./export-articles.js";
import { getImportJob, IMPORT_PROGRESS_TOPIC, startImport } from "./import-articles.js";
import { ExportFormat, FileRefType, ImportFormat, ImportJobType } from "./import-export.types.js";

@Resolver()
export class ImportExportResolver {
  constructor(private readonly services: AppServices) {}

  @Mutation(() => ImportJobType, {
    description: "Imports articles from a file uploaded first with POST /uploads, in the background, batch by batch. Admins and supervisors.",
  })
  async importArticles(
    @Arg("uploadId", () => ID, { description: "The id POST /uploads returned." }) uploadId: string,
    @Arg("format", () => ImportFormat, { description: "JSON, or MARKDOWN (.md or .zip of .md)." }) format: ImportFormat,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportJobType> {
    const job = await startImport({ ...this.services, log: ctx.log, actor: ctx.actor, uploadId, format });
    return job as unknown as ImportJobType;
  }

  @Mutation(() => FileRefType, { description: "Exports articles to a file; download it with GET FileRef.url. Admins and supervisors." })
  async exportArticles(
    @Arg("format", () => ExportFormat, { description: "JSON, or MARKDOWN (a .zip of .md files)." }) format: ExportFormat,
    @Arg("status", () => ArticleStatus, { nullable: true, description: "Only articles of this status; all when omitted." }) status: ArticleStatus | null,
    @Ctx() ctx: RequestContext,
  ): Promise<FileRefType> {
    return exportArticles({ db: this.services.dataSource, actor: ctx.actor, format, status });
  }

  @Query(() => ImportJobType, { description: "An import's progress and rejections: who started it, or an admin." })
  async importJob(@Arg("id", () => ID, { description: "Job id." }) id: string, @Ctx() ctx: RequestContext): Promise<ImportJobType> {
    return (await getImportJob({ db: this.services.dataSource, actor: ctx.actor, id })) as unknown as ImportJobType;
  }

  @Subscription(() => ImportJobType, {
    description: "Pushes an import's progress after every batch and when it ends: who started it, or an admin (each push is checked).",
    subscribe: ({ args, context }) => {
      const ctx = context as RequestContext;
      requireRole(ctx.actor, TRANSFER_ROLES);
      return ctx.subscribe(`${IMPORT_PROGRESS_TOPIC}:${String(args.id)}`);
    },
  })
  async importJobProgress(
    @Root() payload: { jobId: string },
    @Arg("id", () => ID, { description: "Job id." }) _id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportJobType> {
    return (await getImportJob({ db: this.services.dataSource, actor: ctx.actor, id: payload.jobId })) as unknown as ImportJobType;
  }
}
