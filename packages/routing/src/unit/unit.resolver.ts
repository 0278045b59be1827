import { STAFF_ROLES, type AppServices, type RequestContext } from "@civicline/platform";
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { listUnitDirectory, listUnitStaff, saveUnit } from "./save-unit.js";
import { Unit } from "./unit.entity.js";
import { UnitInput, UnitStaffMemberType, UnitType } from "./unit.types.js";

const asType = (unit: Unit): UnitType => unit as unknown as UnitType;

@Resolver()
export class UnitResolver {
  constructor(private readonly services: AppServices) {}

  @Authorized(...STAFF_ROLES)
  @Query(() => [UnitType], { description: "Active handling units, bureaus first. Staff only." })
  units(): Promise<UnitType[]> {
    return this.services.dataSource
      .getRepository(Unit)
      .find({ where: { active: true }, order: { kind: "ASC", code: "ASC" } }) as Promise<UnitType[]>;
  }

  @Query(() => [UnitType], { description: "The whole unit directory, inactive units included, by kind and code. Admins, supervisors." })
  async unitDirectory(@Ctx() ctx: RequestContext): Promise<UnitType[]> {
    return (await listUnitDirectory(this.services.dataSource, ctx.actor)).map(asType);
  }

  @Query(() => [UnitStaffMemberType], { description: "The handler accounts of a unit, by name. Admins, supervisors." })
  async unitStaff(@Arg("unitId", () => ID, { description: "The unit's id." }) unitId: string, @Ctx() ctx: RequestContext): Promise<UnitStaffMemberType[]> {
    const users = await listUnitStaff(this.services.dataSource, { actor: ctx.actor, unitId });
    return users.map(({ id, username, displayName, active }) => ({ id, username, displayName, active }));
  }

  @Mutation(() => UnitType, { description: "Create (without id) or change a unit in the directory; every change is recorded with who made it. Admins." })
  async saveUnit(
    @Arg("id", () => ID, { nullable: true, description: "The unit to change; omit to create one." }) id: string | null,
    @Arg("input", () => UnitInput, { description: "The unit." }) input: UnitInput,
    @Ctx() ctx: RequestContext,
  ): Promise<UnitType> {
    return asType(await saveUnit(this.services.dataSource, { actor: ctx.actor, id, request: input }));
  }
}
