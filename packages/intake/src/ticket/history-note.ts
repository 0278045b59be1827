import type { Actor } from "@civicline/platform";
import { Field, ObjectType, registerEnumType } from "type-graphql";

/**
 * What a history entry's note says, as a code with parameters, so that every screen renders it in
 * the viewer's language (the free-text `reason` stays for what a person typed).
 */
export enum HistoryNote {
  RETURN_REQUESTED = "return_requested",
  RETURN_REJECTED = "return_rejected",
  MARKED_EMERGENCY = "marked_emergency",
  EMERGENCY_HANDOFF = "emergency_handoff",
  MERGED_INTO = "merged_into",
  MERGED_IN = "merged_in",
  LINKED_RELATED = "linked_related",
  LINKED_RE_REPORT = "linked_re_report",
  ANSWERED_DIRECTLY = "answered_directly",
  CALLBACK_UNREACHED = "callback_unreached",
  RE_REPORT_DECLINED = "re_report_declined",
  FOLLOW_UP = "follow_up",
  CITIZEN_ADDITION = "citizen_addition",
}

registerEnumType(HistoryNote, {
  name: "HistoryNote",
  description: "What a history entry's note says; rendered from a translated message with `noteParams`.",
  valuesConfig: {
    RETURN_REQUESTED: { description: "The lead unit returned the ticket (退单); params unit, returnReason (a ReturnReason), text." },
    RETURN_REJECTED: { description: "A return was not accepted; param note." },
    MARKED_EMERGENCY: { description: "Marked as an emergency; param was (the previous Urgency)." },
    EMERGENCY_HANDOFF: { description: "Handed off to an emergency service; params service (an EmergencyService), reference." },
    MERGED_INTO: { description: "This ticket was merged into another; param number." },
    MERGED_IN: { description: "Another ticket was merged into this one; params number, count (co-reporters added)." },
    LINKED_RELATED: { description: "Linked as related to another ticket; param number." },
    LINKED_RE_REPORT: { description: "Linked as a re-report of another ticket; param number." },
    ANSWERED_DIRECTLY: { description: "Answered on the spot; param count (knowledge-base articles used)." },
    CALLBACK_UNREACHED: { description: "Closed because the callback could not reach the citizen; param attempts." },
    RE_REPORT_DECLINED: { description: "A re-report was declined; param note." },
    FOLLOW_UP: { description: "The citizen called again to chase the request (催办); param words (what the caller said)." },
    CITIZEN_ADDITION: { description: "The citizen added to the request on the portal (市民补充); params words (their message, may be empty), photos (how many photos)." },
  },
});

/** Who made a change, as a kind the screens translate; staff are shown by name. */
export enum HistoryActorKind {
  STAFF = "staff",
  CITIZEN = "citizen",
  AUTO_DISPATCH = "auto_dispatch",
  INTEGRATOR = "integrator",
}

registerEnumType(HistoryActorKind, {
  name: "HistoryActorKind",
  description: "Who made a change: a staff member (shown by name) or a party shown by a translated label.",
  valuesConfig: {
    STAFF: { description: "A staff member; actorName holds the name." },
    CITIZEN: { description: "The citizen, through the portal." },
    AUTO_DISPATCH: { description: "The dispatch catalogue dispatched it automatically." },
    INTEGRATOR: { description: "A partner system (API key)." },
  },
});

/** The id of the actor that dispatches when the catalogue does (routing uses it). */
export const AUTO_DISPATCH_ACTOR_ID = "00000000-0000-4000-8000-00000000d15a";

/** The kind stored with a history row for `actor` (null: the public portal). */
export function historyActorKind(actor: Actor | null): HistoryActorKind {
  if (!actor) {
    return HistoryActorKind.CITIZEN;
  }
  if (actor.kind === "integrator") {
    return HistoryActorKind.INTEGRATOR;
  }
  return actor.id === AUTO_DISPATCH_ACTOR_ID ? HistoryActorKind.AUTO_DISPATCH : HistoryActorKind.STAFF;
}

/** A structured note: the code and its parameters (all strings). */
export type HistoryNoteInput = { code: HistoryNote; params?: Record<string, string | number> };

@ObjectType("HistoryNoteParam", { description: "One parameter of a history note." })
export class HistoryNoteParamType {
  @Field({ description: "Parameter name, e.g. number, service, returnReason." })
  name!: string;

  @Field({ description: "Its value: a tracking number, a count, an enum value to translate, or text a person typed." })
  value!: string;
}

/** Parameters as stored (jsonb of strings). */
export function noteParams(input: HistoryNoteInput | null | undefined): Record<string, string> | null {
  if (!input) {
    return null;
  }
  return Object.fromEntries(Object.entries(input.params ?? {}).map(([name, value]) => [name, String(value)]));
}
