/** The emergency numbers a citizen may need instead of this form. */
export type EmergencyService = "110" | "119" | "120";

/** Leaf categories (last part of the code, SAFETY.GAS_LEAK → GAS_LEAK) that are emergencies as such: call 119 at once. */
const EMERGENCY_CATEGORIES: Record<string, EmergencyService[]> = {
  FIRE_CHEMICAL: ["119"],
  GAS_LEAK: ["119"],
};

/**
 * Words in a description that suggest someone is in danger now, by the service to call.
 * Chinese as people write it; English as whole words (so that "fire exit" in a complaint about a
 * blocked door does not alarm, but "on fire" does).
 */
const WORDS: Array<{ service: EmergencyService; zh: string[]; en: RegExp }> = [
  {
    service: "119",
    zh: ["燃气泄漏", "煤气泄漏", "天然气泄漏", "漏气", "燃气味", "煤气味", "着火", "起火", "失火", "火灾", "明火", "冒烟", "浓烟", "爆炸"],
    en: /\b(gas leak(s|ing)?|leaking gas|smell(s|ing)? of gas|smells? gas|on fire|caught fire|fire (is )?spreading|burning|flames?|smoke|explosion|exploded)\b/i,
  },
  {
    service: "120",
    zh: ["受伤", "流血", "晕倒", "昏迷", "不省人事", "溺水", "心脏病", "呼吸困难", "中毒", "急救"],
    en: /\b(injured|bleeding|unconscious|fainted|collapsed|drowning|heart attack|not breathing|can'?t breathe|poisoned|ambulance)\b/i,
  },
  {
    service: "110",
    zh: ["有人被困", "被困", "跳楼", "轻生", "自杀", "打人", "打架斗殴", "持刀", "抢劫", "家暴", "绑架", "救命", "危及生命", "有危险"],
    en: /\b(trapped|suicide|jump(ing)? off|attack(ed|ing)?|knife|gun|robbery|robbed|assault(ed)?|violence|kidnap(ped)?|help me|in danger)\b/i,
  },
];

const ORDER: EmergencyService[] = ["110", "119", "120"];

/**
 * Which emergency numbers a request suggests, by its category's code and by words in its text
 * (Chinese and English); empty when nothing suggests an emergency.
 */
export function emergencyServices(categoryCode: string | null | undefined, text: string): EmergencyService[] {
  const leaf = categoryCode?.split(".").at(-1) ?? "";
  const found = new Set<EmergencyService>(EMERGENCY_CATEGORIES[leaf] ?? []);
  const compact = text.replace(/\s+/g, "");
  for (const rule of WORDS) {
    if (rule.zh.some((word) => compact.includes(word)) || rule.en.test(text)) {
      found.add(rule.service);
    }
  }
  return ORDER.filter((service) => found.has(service));
}
