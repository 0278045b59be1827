import { Role, type Actor } from "@civicline/platform";
import { describe, expect, it } from "vitest";
import { ANONYMOUS_NAME, citizenIdentityFor, type IdentitySource } from "./privacy.js";
import { Privacy } from "./ticket.enums.js";

const actor = (...roles: Role[]): Actor => ({ kind: "staff", id: "00000000-0000-4000-8000-000000000001", name: "x", roles, unitId: null });
const ticket = (privacy: Privacy): IdentitySource => ({
  privacy,
  citizenName: "李女士",
  citizenPhone: "13912345678",
  citizenEmail: "li@example.com",
  citizenIdNumber: "370303199001011234",
});
const hidden = { name: ANONYMOUS_NAME, phone: "", email: null, idNumber: null };

describe("citizenIdentityFor: who sees the citizen's identity", () => {
  it.each([Role.OPERATOR, Role.CALLBACK_AGENT])("%s sees phone and e-mail in full, the ID number masked, whatever the privacy", (role) => {
    for (const privacy of Object.values(Privacy)) {
      expect(citizenIdentityFor(actor(role), ticket(privacy))).toEqual({
        name: "李女士",
        phone: "13912345678",
        email: "li@example.com",
        idNumber: "3703**********1234",
      });
    }
  });

  it.each([Role.DISPATCHER, Role.SUPERVISOR, Role.QA_INSPECTOR, Role.LEADER, Role.ADMIN])("%s sees the name with phone and e-mail masked", (role) => {
    expect(citizenIdentityFor(actor(role), ticket(Privacy.CONFIDENTIAL))).toEqual({
      name: "李女士",
      phone: "139****5678",
      email: "l***@example.com",
      idNumber: "3703**********1234",
    });
  });

  it("shows a handling unit a NONE ticket's caller masked", () => {
    expect(citizenIdentityFor(actor(Role.HANDLER), ticket(Privacy.NONE))).toMatchObject({ name: "李女士", phone: "139****5678" });
  });

  it.each([Privacy.ANONYMOUS, Privacy.CONFIDENTIAL])("hides a %s ticket's identity entirely from a handling unit", (privacy) => {
    expect(citizenIdentityFor(actor(Role.HANDLER), ticket(privacy))).toEqual(hidden);
    expect(citizenIdentityFor(actor(Role.HANDLER, Role.OPERATOR), ticket(privacy))).toEqual(hidden);
  });

  it("hides a private ticket's identity from API clients and the public", () => {
    expect(citizenIdentityFor({ ...actor(Role.INTEGRATOR), kind: "integrator" }, ticket(Privacy.ANONYMOUS))).toEqual(hidden);
    expect(citizenIdentityFor(null, ticket(Privacy.CONFIDENTIAL))).toEqual(hidden);
  });

  it("gives null for an e-mail or ID number that was not given", () => {
    expect(citizenIdentityFor(actor(Role.OPERATOR), { privacy: Privacy.NONE, citizenName: "王", citizenPhone: "13800000000" })).toEqual({
      name: "王",
      phone: "13800000000",
      email: null,
      idNumber: null,
    });
  });
});
