import type { DirectoryUnit, UnitDirectory } from "@civicline/platform";
import { In } from "typeorm";
import { Unit } from "./unit.entity.js";

function toDirectoryUnit(unit: Unit): DirectoryUnit {
  return { id: unit.id, code: unit.code, nameZh: unit.nameZh, nameEn: unit.nameEn, kind: unit.kind, active: unit.active };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Units by id or code for the accounts admin (platform), read in the caller's transaction. */
export const routingUnitDirectory: UnitDirectory = async (manager, keys) => {
  const ids = (keys.ids ?? []).filter((id) => UUID.test(id));
  const codes = keys.codes ?? [];
  if (ids.length === 0 && codes.length === 0) {
    return [];
  }
  const where = [...(ids.length > 0 ? [{ id: In(ids) }] : []), ...(codes.length > 0 ? [{ code: In([...codes]) }] : [])];
  const units = await manager.getRepository(Unit).find({ where });
  return units.map(toDirectoryUnit);
};
