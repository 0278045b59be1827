import type { EntityManager } from "typeorm";

/** A handling unit as the accounts admin needs it (routing owns units; platform only asks). */
export type DirectoryUnit = { id: string; code: string; nameZh: string; nameEn: string; kind: string; active: boolean };

/**
 * Looks units up by id or code in the caller's transaction. The module that owns units (routing)
 * provides it through `DomainModule.unitDirectory`; the gateway hands it to the accounts resolvers
 * as `AppServices.units`.
 */
export type UnitDirectory = (manager: EntityManager, keys: { ids?: readonly string[]; codes?: readonly string[] }) => Promise<DirectoryUnit[]>;
