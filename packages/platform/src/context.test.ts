import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { requireRole, type Actor } from "./auth/actor.js";
import { Role } from "./auth/roles.js";
import { createRequestContext, LoaderRegistry } from "./context.js";
import { DomainError } from "./errors.js";

const log = pino({ level: "silent" });

function actor(roles: Role[]): Actor {
  return { kind: "staff", id: "u-1", name: "王芳", roles, unitId: null };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.code : `not a DomainError: ${String(error)}`;
  }
  return undefined;
}

describe("LoaderRegistry", () => {
  it("batches loads issued in the same tick into one call", async () => {
    const registry = new LoaderRegistry();
    const calls: number[][] = [];
    const loader = registry.get<number, string>("unitName", async (ids) => {
      calls.push([...ids]);
      return ids.map((id) => `unit-${id}`);
    });
    const [a, b] = await Promise.all([loader.load(1), loader.load(2)]);
    expect([a, b]).toEqual(["unit-1", "unit-2"]);
    expect(calls).toEqual([[1, 2]]);
  });

  it("reuses the loader (and its cache) for a key and keeps keys apart", async () => {
    const registry = new LoaderRegistry();
    const calls: string[] = [];
    const batch = async (ids: readonly number[]) => {
      calls.push(ids.join(","));
      return ids.map((id) => id * 10);
    };
    const first = registry.get<number, number>("score", batch);
    expect(registry.get<number, number>("score", batch)).toBe(first);
    expect(registry.get<number, number>("other", batch)).not.toBe(first);

    expect(await first.load(3)).toBe(30);
    expect(await registry.get<number, number>("score", batch).load(3)).toBe(30);
    expect(calls).toEqual(["3"]);
  });

  it("gives every request context its own loaders", () => {
    const batch = async (ids: readonly number[]) => ids.map(String);
    const one = createRequestContext({ log, actor: null });
    const two = createRequestContext({ log, actor: null });
    expect(one.loaders.get("k", batch)).not.toBe(two.loaders.get("k", batch));
    expect(one.requestId).not.toBe(two.requestId);
  });
});

describe("requireRole", () => {
  it("throws UNAUTHENTICATED without an actor", () => {
    expect(codeOf(() => requireRole(null, [Role.OPERATOR]))).toBe("UNAUTHENTICATED");
    expect(codeOf(() => requireRole(undefined, [Role.OPERATOR]))).toBe("UNAUTHENTICATED");
  });

  it("throws FORBIDDEN when the actor has none of the roles", () => {
    expect(codeOf(() => requireRole(actor([Role.HANDLER]), [Role.DISPATCHER, Role.ADMIN]))).toBe("FORBIDDEN");
    expect(codeOf(() => requireRole(actor([]), [Role.OPERATOR]))).toBe("FORBIDDEN");
  });

  it("returns the actor when one of its roles is allowed", () => {
    const dispatcher = actor([Role.OPERATOR, Role.DISPATCHER]);
    expect(requireRole(dispatcher, [Role.DISPATCHER])).toBe(dispatcher);
  });
});
