import { defineMessages, useRoutingT, type RoutingMessageKey, type Translate } from "@civicline/ui";

/** Wording of the leader's instructions (领导批示) at the top of a ticket in the unit's workbench. */
const instructionMessages = defineMessages(
  {
    "wi.title": "Leader's instructions",
    "wi.intro": "A leader takes charge of this ticket. Act on these instructions first.",
    "wi.by": "{name} {title} · {at}",
  },
  {
    "wi.title": "领导批示",
    "wi.intro": "此件由领导包案，请首先落实以下批示。",
    "wi.by": "{name} {title} · {at}",
  },
);

type InstructionKey = keyof (typeof instructionMessages)["en"];

export function useInstructionT(): Translate<InstructionKey | RoutingMessageKey> {
  return useRoutingT(instructionMessages);
}
