import { STAFF_ROLES, type AppServices } from "@civicline/platform";
import { Authorized, Query, Resolver } from "type-graphql";
import { Unit } from "./unit.entity.js";
import { UnitType } from "./unit.types.js";

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
}
