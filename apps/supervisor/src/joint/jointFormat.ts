import { enumLabelOf, errorCode, localizedName, useErrorMessage, useLanguage } from "@civicline/ui";
import { useCallback } from "react";
import { jointMessages, useJointT, type JointKey } from "./messages.ts";

/** Labels of joint supervision's enums in the current language. */
export function useJointLabel(): (enumName: "JointCaseState" | "JointTrigger" | "JointParty" | "JointEventKind" | "RuleProposalStatus" | "ReturnReason", value: string) => string {
  const { language } = useLanguage();
  return useCallback((enumName, value) => enumLabelOf(language, enumName, value), [language]);
}

/** A unit's or category's name in the current language. */
export function useJointName(): (item: { nameZh: string; nameEn: string } | null | undefined) => string {
  const { language } = useLanguage();
  return useCallback((item) => (item ? localizedName(item, language) : "—"), [language]);
}

/** A translated message for JOINT/* codes, the shared wording for the rest. */
export function useJointErrorMessage(): (error: unknown) => string | undefined {
  const t = useJointT();
  const shared = useErrorMessage();
  return useCallback(
    (error: unknown) => {
      const key = `jt.error.${errorCode(error) ?? ""}`;
      return key in jointMessages.en ? t(key as JointKey) : shared(error);
    },
    [t, shared],
  );
}
