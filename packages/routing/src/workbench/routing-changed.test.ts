import { Role, type Actor } from "@civicline/platform";
import { describe, expect, it } from "vitest";
import { RoutingTopic } from "../routing.events.js";
import { routingChangedTopic } from "./routing-changed.js";

const actor = (roles: Role[], unitId: string | null = null): Actor => ({ kind: "staff", id: "u", name: "n", roles, unitId });

describe("routingChanged topics", () => {
  it("gives a handler only their own unit's topic", () => {
    expect(routingChangedTopic(actor([Role.HANDLER], "unit-a"))).toBe(RoutingTopic.unit("unit-a"));
    expect(() => routingChangedTopic(actor([Role.HANDLER]))).toThrow(/not attached/);
  });

  it("gives dispatchers the queue and supervisors the extension requests; refuses the rest", () => {
    expect(routingChangedTopic(actor([Role.DISPATCHER]))).toBe(RoutingTopic.DISPATCH);
    expect(routingChangedTopic(actor([Role.SUPERVISOR]))).toBe(RoutingTopic.SUPERVISION);
    expect(() => routingChangedTopic(actor([Role.OPERATOR]))).toThrow();
    expect(() => routingChangedTopic(null)).toThrow();
  });
});
