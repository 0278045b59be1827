import { registerEnumType } from "type-graphql";
import { QaCallDirection } from "./calls/call-record.entity.js";
import { QaSampleReason } from "./sampling/sample.entity.js";

registerEnumType(QaCallDirection, {
  name: "QaCallDirection",
  description: "Which way a call went.",
  valuesConfig: {
    INBOUND: { description: "呼入 — a citizen called the hotline." },
    OUTBOUND: { description: "呼出 — a call-taker called out." },
  },
});

registerEnumType(QaSampleReason, {
  name: "QaSampleReason",
  description: "Why a call entered the inspection queue (the strongest reason when several apply).",
  valuesConfig: {
    FLAGGED: { description: "主动申请复核 — the call-taker flagged the call for review." },
    DISSATISFIED: { description: "回访不满意 — the callback answer was not satisfied with the service." },
    COMPLAINT: { description: "投诉 — a complaint was logged during the call." },
    SENSITIVE_DIRECT: { description: "敏感类直接答复 — a direct answer in a sensitive category." },
    LONG_CALL: { description: "超长通话 — a very long call." },
    RANDOM: { description: "随机抽取 — picked at random." },
  },
});

export { QaCallDirection, QaSampleReason };
