import { describe, expect, it } from "vitest";
import { supervisionMigrations } from "./migrations/index.js";
import { supervisionModule } from "./supervision.module.js";

describe("supervision module", () => {
  it("lists every entity's table under the supervision_ prefix the migration generator looks for", () => {
    for (const entity of supervisionModule.entities) {
      expect(entity.name).toBeTruthy();
    }
    expect(supervisionModule.name).toBe("supervision");
    expect(supervisionModule.migrations).toBe(supervisionMigrations);
  });
});
