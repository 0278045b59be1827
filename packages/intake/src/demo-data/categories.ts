/**
 * Demo category tree (诉求分类) for the hotline: two levels, groups and leaves.
 * Groups are headings only (not selectable); tickets are classified to leaves.
 * Names follow the wording Chinese 12345 hotlines use in their classification
 * catalogues. Codes are "GROUP" and "GROUP.LEAF".
 */
import { CategoryFieldType, type CategoryFieldDefinition } from "../catalog/category-field.js";

export type DemoCategory = {
  code: string;
  nameZh: string;
  nameEn: string;
  parentCode: string | null;
  selectable: boolean;
  /** Extra fields the call form asks for (leaves only). */
  fields: CategoryFieldDefinition[];
  templateZh: string | null;
  templateEn: string | null;
  /** Everyday words people use for it (searched by the category pickers). */
  keywords: string[];
};

/** Everyday words and synonyms per leaf, as callers say them (Chinese and English). */
export const CATEGORY_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  "URBAN.ROAD_FACILITIES": ["坑", "坑洼", "路面破损", "道路破损", "路坏了", "井盖", "护栏", "pothole", "road damage", "manhole", "broken road"],
  "URBAN.STREET_LIGHTING": ["路灯不亮", "灯不亮", "灯坏了", "streetlight", "street light out", "lamp"],
  "URBAN.NOISE": ["吵", "太吵", "噪声", "扰民", "noisy", "loud", "noise at night"],
  "URBAN.SANITATION": ["垃圾", "垃圾没人清", "脏", "rubbish", "garbage", "trash", "litter"],
  "URBAN.STREET_VENDING": ["摆摊", "小摊", "占道", "street stall", "vendor"],
  "URBAN.ILLEGAL_CONSTRUCTION": ["违建", "私搭乱建", "加盖", "illegal building", "extension"],
  "URBAN.GREENING": ["树", "草坪", "绿化带", "tree", "park", "lawn"],
  "HOUSING.HEATING": ["暖气不热", "没暖气", "供热", "radiator", "no heating", "cold flat"],
  "HOUSING.PROPERTY_SERVICE": ["物业不管", "电梯坏", "elevator", "lift broken", "property company"],
  "LABOUR.WAGE_ARREARS": ["欠薪", "不发工资", "讨薪", "unpaid wages", "salary not paid"],
  "CONSUMER.FOOD_SAFETY": ["过期", "变质", "吃坏肚子", "expired food", "food poisoning"],
  "POLICE.TRAFFIC": ["违停", "乱停车", "堵车", "illegal parking", "parked car blocking"],
  "ENV.AIR": ["烟", "臭味", "冒黑烟", "smoke", "smell", "air pollution"],
  "ENV.WATER": ["污水", "河水发黑", "sewage", "dirty river"],
};

type Leaf = [code: string, nameZh: string, nameEn: string];
type Group = { code: string; nameZh: string; nameEn: string; leaves: Leaf[] };

const text = (key: string, labelZh: string, labelEn: string, required: boolean, maxLength = 100): CategoryFieldDefinition => ({
  key,
  labelZh,
  labelEn,
  type: CategoryFieldType.TEXT,
  required,
  options: null,
  maxLength,
});
const number = (key: string, labelZh: string, labelEn: string): CategoryFieldDefinition => ({
  key,
  labelZh,
  labelEn,
  type: CategoryFieldType.NUMBER,
  required: false,
  options: null,
  maxLength: null,
});
const date = (key: string, labelZh: string, labelEn: string): CategoryFieldDefinition => ({
  key,
  labelZh,
  labelEn,
  type: CategoryFieldType.DATE,
  required: false,
  options: null,
  maxLength: null,
});

/** Extra fields per group ("EDU") and per leaf ("HOUSING.CABLE_TV_FEE"); a leaf gets both. */
const FIELDS: Record<string, CategoryFieldDefinition[]> = {
  EDU: [text("schoolName", "学校名称", "School name", true)],
  "EDU.BULLYING": [text("gradeClass", "年级班级", "Grade and class", false, 30)],
  HOUSING: [text("estateName", "小区名称", "Estate name", true)],
  "HOUSING.PROPERTY_FEE": [text("propertyCompany", "物业公司", "Property management company", false)],
  "HOUSING.CABLE_TV_FEE": [text("propertyCompany", "物业公司", "Property management company", false), number("amountYuan", "涉及金额（元）", "Amount involved (yuan)")],
  CONSUMER: [text("businessName", "商家名称", "Business name", false)],
  "CONSUMER.GOODS": [date("purchaseDate", "购买日期", "Date of purchase"), number("amountYuan", "涉及金额（元）", "Amount involved (yuan)")],
  "CONSUMER.PREPAID_CARD": [number("amountYuan", "卡内余额（元）", "Balance on the card (yuan)")],
  "LABOUR.WAGE_ARREARS": [text("employerName", "用人单位", "Employer", true), number("amountYuan", "拖欠金额（元）", "Amount owed (yuan)")],
  "TRANSPORT.TAXI": [text("plateNumber", "车牌号", "Licence plate", false, 10)],
  "URBAN.NOISE": [
    {
      key: "noiseTime",
      labelZh: "噪音时段",
      labelEn: "When the noise occurs",
      type: CategoryFieldType.SELECT,
      required: false,
      options: ["白天 / daytime", "夜间 / night", "全天 / all day"],
      maxLength: null,
    },
  ],
};

const GENERIC_TEMPLATE = { zh: "来电人反映：……。诉求：……。", en: "The caller reports that … They ask that …" };

/** Template sentences per group; other groups use the generic one. */
const TEMPLATES: Record<string, { zh: string; en: string }> = {
  EDU: { zh: "来电人反映：其孩子在【学校名称】就读，……。诉求：请教育部门……。", en: "The caller reports that their child, a pupil at [school], … They ask the education bureau to …" },
  HOUSING: { zh: "来电人反映：其所住【小区名称】小区……。诉求：……。", en: "The caller, a resident of [estate], reports that … They ask that …" },
  CONSUMER: { zh: "来电人反映：其在【商家名称】消费时……。诉求：……。", en: "The caller reports that at [business] … They ask that …" },
  SAFETY: { zh: "来电人反映：【地点】发生……，现场……。诉求：请立即处置。", en: "The caller reports … at [place]; on site … They ask for immediate action." },
};

const groups: Group[] = [
  {
    code: "EDU",
    nameZh: "教育",
    nameEn: "Education",
    leaves: [
      ["ENROLMENT", "入学招生", "School enrolment and admissions"],
      ["BULLYING", "校园欺凌", "School bullying"],
      ["FEES_TUTORING", "教育收费及校外培训", "School fees and off-campus tutoring"],
      ["TEACHER_CONDUCT", "师德师风", "Teacher conduct"],
    ],
  },
  {
    code: "HOUSING",
    nameZh: "住房与物业",
    nameEn: "Housing and property management",
    leaves: [
      ["PROPERTY_FEE", "物业收费", "Property management fees"],
      ["CABLE_TV_FEE", "物业强制收取有线电视费", "Cable TV fees forced by the property company"],
      ["PROPERTY_SERVICE", "物业服务", "Property management services"],
      ["BUILDING_QUALITY", "房屋质量", "Building quality"],
      ["HEATING", "供暖", "Heating"],
      ["TITLE_CERTIFICATE", "不动产登记办证", "Property title registration"],
    ],
  },
  {
    code: "URBAN",
    nameZh: "城市管理",
    nameEn: "Urban management",
    leaves: [
      ["ILLEGAL_CONSTRUCTION", "违法建设", "Illegal construction"],
      ["ROAD_FACILITIES", "道路及附属设施", "Roads and road facilities (bollards, barriers, markings)"],
      ["STREET_LIGHTING", "路灯照明", "Street lighting"],
      ["NOISE", "噪音扰民", "Noise nuisance"],
      ["SANITATION", "环境卫生", "Sanitation and refuse collection"],
      ["STREET_VENDING", "占道经营", "Street vending and road occupation"],
      ["GREENING", "园林绿化", "Parks and greenery"],
    ],
  },
  {
    code: "SAFETY",
    nameZh: "安全生产与消防",
    nameEn: "Public safety and fire",
    leaves: [
      ["FIRE_CHEMICAL", "火灾及危险化学品", "Fire and hazardous chemicals"],
      ["FIRE_HAZARD", "消防安全隐患", "Fire hazards (blocked exits, fire equipment)"],
      ["FIRE_ACCEPTANCE", "建设工程消防验收", "Fire safety acceptance of construction projects"],
      ["GAS_LEAK", "燃气泄漏", "Gas leak"],
      ["WORKPLACE_SAFETY", "安全生产", "Workplace safety"],
    ],
  },
  {
    code: "UTILITY",
    nameZh: "水电气",
    nameEn: "Utilities",
    leaves: [
      ["WATER_OUTAGE", "停水", "Water outage"],
      ["WATER_QUALITY", "供水水质", "Tap water quality"],
      ["POWER_OUTAGE", "停电", "Power outage"],
      ["GAS_SUPPLY", "燃气供应", "Gas supply"],
    ],
  },
  {
    code: "CONSUMER",
    nameZh: "消费维权",
    nameEn: "Consumer rights",
    leaves: [
      ["GOODS", "商品质量", "Quality of goods"],
      ["SERVICES", "服务消费", "Consumer services"],
      ["PREPAID_CARD", "预付卡消费", "Prepaid cards"],
      ["FOOD_SAFETY", "食品安全", "Food safety"],
    ],
  },
  {
    code: "LABOUR",
    nameZh: "劳动和社会保障",
    nameEn: "Labour and social insurance",
    leaves: [
      ["SOCIAL_INSURANCE", "社会保险", "Social insurance"],
      ["WAGE_ARREARS", "拖欠工资", "Wage arrears"],
      ["LABOUR_DISPUTE", "劳动关系", "Labour contracts and disputes"],
      ["EMPLOYMENT", "就业创业", "Employment and business start-up support"],
    ],
  },
  {
    code: "TRANSPORT",
    nameZh: "交通运输",
    nameEn: "Transport",
    leaves: [
      ["TAXI", "出租车及网约车", "Taxis and ride-hailing"],
      ["BUS", "公交线路及服务", "Bus routes and services"],
      ["HIGHWAY", "公路养护", "Highway maintenance"],
    ],
  },
  {
    code: "ENV",
    nameZh: "生态环境",
    nameEn: "Environment",
    leaves: [
      ["AIR", "大气污染", "Air pollution"],
      ["WATER", "水污染", "Water pollution"],
      ["INDUSTRIAL_NOISE", "工业噪声", "Industrial noise"],
    ],
  },
  {
    code: "HEALTH",
    nameZh: "卫生健康",
    nameEn: "Healthcare",
    leaves: [
      ["MEDICAL_SERVICE", "医疗服务", "Medical services"],
      ["MEDICAL_INSURANCE", "医保报销", "Medical insurance reimbursement"],
      ["VACCINATION", "疫苗接种", "Vaccination"],
    ],
  },
  {
    code: "CIVIL",
    nameZh: "民政",
    nameEn: "Civil affairs",
    leaves: [
      ["ASSISTANCE", "低保及社会救助", "Minimum living allowance and social assistance"],
      ["ELDERLY", "养老服务", "Elderly care"],
      ["MARRIAGE", "婚姻登记", "Marriage registration"],
    ],
  },
  {
    code: "POLICE",
    nameZh: "公安（非紧急）",
    nameEn: "Public security (non-emergency)",
    leaves: [
      ["HOUSEHOLD", "户籍及身份证", "Household registration and ID cards"],
      ["TRAFFIC", "交通管理及违停", "Traffic management and illegal parking"],
      ["PUBLIC_ORDER", "治安管理", "Public order"],
    ],
  },
  {
    code: "OTHER",
    nameZh: "其他",
    nameEn: "Other",
    leaves: [
      ["GOV_SERVICE", "政务服务及工作作风", "Government services and staff conduct"],
      ["GENERAL", "其他事项", "Other matters"],
    ],
  },
];

/** Groups first, each followed by its leaves. */
export const demoCategories: DemoCategory[] = groups.flatMap((g) => [
  { code: g.code, nameZh: g.nameZh, nameEn: g.nameEn, parentCode: null, selectable: false, fields: [], templateZh: null, templateEn: null, keywords: [] },
  ...g.leaves.map(([leaf, nameZh, nameEn]) => {
    const code = `${g.code}.${leaf}`;
    const template = TEMPLATES[g.code] ?? GENERIC_TEMPLATE;
    return {
      code,
      nameZh,
      nameEn,
      parentCode: g.code,
      selectable: true,
      fields: [...(FIELDS[g.code] ?? []), ...(FIELDS[code] ?? [])],
      templateZh: template.zh,
      templateEn: template.en,
      keywords: [...(CATEGORY_KEYWORDS[code] ?? [])],
    };
  }),
]);
