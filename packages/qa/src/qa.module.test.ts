import { pendingSchemaChanges, type TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { qaTestDatabase } from "./__tests__/factories.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await qaTestDatabase();
});
afterAll(() => db?.destroy());

describe("qa module", () => {
  it("has migrations that match its entities", async () => {
    expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
  });
});
