import { describe, expect, it } from "vitest";
import { renewedExpiry } from "./knowledge.seed.js";

describe("demo articles seeded in a later year", () => {
  it("keep a fixed expiry date that is still ahead, and move a passed one on by whole years", () => {
    expect(renewedExpiry("2026-12-31", "2026-12-06")).toBe("2026-12-31");
    expect(renewedExpiry("2026-12-31", "2026-12-31")).toBe("2026-12-31");
    expect(renewedExpiry("2026-12-31", "2027-01-01")).toBe("2027-12-31");
    expect(renewedExpiry("2027-03-31", "2029-05-01")).toBe("2030-03-31");
    expect(renewedExpiry("2024-02-29", "2025-01-01")).toBe("2025-02-28");
    expect(renewedExpiry(null, "2027-01-01")).toBeNull();
  });
});
