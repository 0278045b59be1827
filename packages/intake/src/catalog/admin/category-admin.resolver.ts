import { STAFF_ROLES, requireRole, type AppServices, type RequestContext } from "@civicline/platform";
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import type { Category } from "../category.entity.js";
import { CATEGORIES_CHANGED_TOPIC, type CategoriesChangedMessage } from "../category-topics.js";
import { categoryHistory, createCategory, listAllCategories, moveCategory, setCategoryActive, updateCategory, type CategoryChangeResult } from "./category-admin.js";
import { AdminCategoryType, CategoriesChangedType, CategoryInput, CategoryVersionType } from "./category-admin.types.js";

const asAdmin = (category: Category): AdminCategoryType => category as unknown as AdminCategoryType;

/** Administration of the request category tree (ADMIN), and the live signal that it changed (staff). */
@Resolver()
export class CategoryAdminResolver {
  constructor(private readonly services: AppServices) {}

  private logged(ctx: RequestContext, result: CategoryChangeResult): AdminCategoryType {
    ctx.log.info(
      { categoryId: result.category.id, categoryCode: result.category.code, version: result.category.version, change: result.change, affected: result.affectedIds.length, actorId: ctx.actor?.id },
      "category changed",
    );
    return asAdmin(result.category);
  }

  @Query(() => [AdminCategoryType], { description: "Every category, active or deactivated, by position then code (use parentId for the tree). ADMIN." })
  async adminCategories(@Ctx() ctx: RequestContext): Promise<AdminCategoryType[]> {
    return (await listAllCategories(this.services.dataSource, ctx.actor)).map(asAdmin);
  }

  @Query(() => [CategoryVersionType], { description: "Every saved version of a category, newest first. INTAKE/CATEGORY_NOT_FOUND. ADMIN." })
  async categoryHistory(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<CategoryVersionType[]> {
    return (await categoryHistory(this.services.dataSource, { actor: ctx.actor, id })) as unknown as CategoryVersionType[];
  }

  @Mutation(() => AdminCategoryType, {
    description:
      "Adds a category (selectable: false for a group) under an active group, or at the top without parentId; version 1. Offered at once on the call screen, the portal and Open311 services. BAD_USER_INPUT (fields code, nameZh, nameEn, parentId, fields[i].…, e.g. OPTIONS_REQUIRED for a choice field without options) stores nothing. ADMIN.",
  })
  async createCategory(
    @Arg("code", { description: "Stable code, e.g. URBAN.NOISE (capitals, digits, _; parts joined by dots); unique and never changed." }) code: string,
    @Arg("parentId", () => ID, { nullable: true, description: "The group it belongs to; omit for a top-level group." }) parentId: string | null,
    @Arg("input", () => CategoryInput) input: CategoryInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AdminCategoryType> {
    return this.logged(ctx, await createCategory(this.services.dataSource, { actor: ctx.actor, code, parentId, request: input, now: this.services.now?.() }));
  }

  @Mutation(() => AdminCategoryType, {
    description:
      "Changes a category as a new version: names (both languages), extra fields, templates, allowed request types, SLA policy, position, group or leaf. INTAKE/CATEGORY_VERSION_CONFLICT when expectedVersion is stale; BAD_USER_INPUT; INTAKE/CATEGORY_NOT_FOUND. Nothing stored on error. ADMIN.",
  })
  async updateCategory(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int, { nullable: true, description: "The version the admin edited; a newer one refuses the change." }) expectedVersion: number | null,
    @Arg("input", () => CategoryInput) input: CategoryInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AdminCategoryType> {
    return this.logged(ctx, await updateCategory(this.services.dataSource, { actor: ctx.actor, id, expectedVersion, request: input, now: this.services.now?.() }));
  }

  @Mutation(() => AdminCategoryType, {
    description:
      "Moves a category with everything under it under another active group (or to the top without parentId). Under itself or its own descendant: INTAKE/CATEGORY_CYCLE; under a leaf: BAD_USER_INPUT parentId NOT_A_GROUP. Tickets keep it. ADMIN.",
  })
  async moveCategory(
    @Arg("id", () => ID) id: string,
    @Arg("parentId", () => ID, { nullable: true, description: "The new group; omit for the top level." }) parentId: string | null,
    @Arg("expectedVersion", () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AdminCategoryType> {
    return this.logged(ctx, await moveCategory(this.services.dataSource, { actor: ctx.actor, id, parentId, expectedVersion, now: this.services.now?.() }));
  }

  @Mutation(() => AdminCategoryType, {
    description:
      "Deactivates a category and everything under it (active: false), or offers one again (true; its group must be active: INTAKE/CATEGORY_PARENT_INACTIVE). Categories are never deleted: tickets filed under one keep it. ADMIN.",
  })
  async setCategoryActive(
    @Arg("id", () => ID) id: string,
    @Arg("active") active: boolean,
    @Arg("expectedVersion", () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AdminCategoryType> {
    return this.logged(ctx, await setCategoryActive(this.services.dataSource, { actor: ctx.actor, id, active, expectedVersion, now: this.services.now?.() }));
  }

  @Subscription(() => CategoriesChangedType, {
    description: "Pushed (from any instance) when an admin changes the category tree, so that open call screens reload `categories`. Staff.",
    subscribe: ({ context }) => {
      const ctx = context as RequestContext;
      requireRole(ctx.actor, STAFF_ROLES);
      return ctx.subscribe(CATEGORIES_CHANGED_TOPIC);
    },
  })
  categoriesChanged(@Root() message: CategoriesChangedMessage): CategoriesChangedType {
    return message as CategoriesChangedType;
  }
}
