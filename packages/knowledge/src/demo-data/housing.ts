import type { DemoArticle } from "./demo-article.js";

/** Property management fees and services, cable TV fees, heating, building repairs, titles. */
export const housingArticles: DemoArticle[] = [
  {
    key: "housing-property-fee",
    title: "物业费收费标准及业主对物业服务不满能否拒交物业费",
    summary: "普通住宅前期物业服务费实行政府指导价，按合同约定的标准和建筑面积收取；对服务不满应通过业委会或向住建部门投诉解决，不宜以拒交物业费的方式维权。",
    body: `## 收费标准

- 前期物业（业委会成立前）普通住宅物业服务费执行**政府指导价**，按星级服务标准分档；
- 业委会成立后由业主大会与物业企业协商约定；
- 物业企业应在小区显著位置**公示**收费项目、标准和服务内容。

## 对服务不满怎么办

1. 先与物业企业沟通，要求按合同整改；
2. 通过业主委员会协商或更换物业企业；
3. 向所在区县住建（房管）部门投诉。

> 根据《山东省物业管理条例》，业主无正当理由拒交物业费的，物业企业可依法催交或起诉。对物业乱收费可向市场监管部门举报。`,
    categoryCodes: ["HOUSING.PROPERTY_FEE", "HOUSING.PROPERTY_SERVICE"],
    keywords: ["物业费", "物业收费", "物业管理费", "拒交物业费", "物业乱收费", "收费标准", "property fee", "property management fee"],
    unitCode: "BUR-HOUSING",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "《山东省物业管理条例》；淄博市住房和城乡建设局 物业管理科",
    demoUses: 21,
  },
  {
    key: "housing-cable-tv-fee",
    title: "物业公司强制收取有线电视费怎么办",
    summary: "有线电视属于业主自愿选择的有偿服务，物业公司不得将其与物业费捆绑强制收取，也不得因此停水停电；可向住建部门和市场监管部门投诉。",
    body: `物业服务企业**不得**：

- 将有线电视费、宽带费等与物业费捆绑收取；
- 以不交有线电视费为由拒绝办理装修、车位等手续；
- 以停水、停电、停气等方式催缴费用。

**处理途径**：业主可要求物业退还已强制收取的费用；协商不成的，向所在区县住建局（物业监管）或市场监管局投诉。

> 沂源县某小区曾因物业强制收取有线电视费引发投诉，经续报督办，开发商拆除线路并退还费用。`,
    categoryCodes: ["HOUSING.CABLE_TV_FEE"],
    keywords: ["有线电视费", "强制收费", "捆绑收费", "闭路电视", "物业强制", "cable tv fee"],
    unitCode: "BUR-HOUSING",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "淄博市住房和城乡建设局；淄博市市场监督管理局 价格监督检查科",
    demoUses: 4,
  },
  {
    key: "housing-property-service",
    title: "物业服务不到位（卫生、绿化、电梯、门禁）投诉处理",
    summary: "小区公共区域卫生、绿化养护、电梯维保、门禁安保等不符合合同约定的，业主可向物业企业提出整改，逾期不改的向区县住建部门或街道投诉。",
    body: `常见问题：楼道垃圾长期不清、绿化无人养护、电梯故障频繁、门禁损坏、保安不在岗。

**受理要点**

- 记录小区名称、物业企业名称、问题持续时间；
- 电梯困人属紧急情况，应立即联系物业和119；
- 一般问题派至所在区县住建局物业科，同时抄送属地街道。

电梯安全问题可同时向市场监管部门（特种设备）反映。`,
    categoryCodes: ["HOUSING.PROPERTY_SERVICE"],
    keywords: ["物业服务", "物业不作为", "电梯故障", "小区卫生", "门禁", "保安", "物业管理"],
    unitCode: "BUR-HOUSING",
    audience: "INTERNAL",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "淄博市住房和城乡建设局 物业管理科",
    demoUses: 7,
  },
  {
    key: "housing-heating-season",
    title: "淄博市集中供暖时间及室内温度标准",
    summary: "城区集中供暖期为每年11月15日至次年3月15日，供暖期间居民室内温度不低于18℃；遇寒潮可提前或延长供暖。",
    body: `## 供暖时间

每年**11月15日至次年3月15日**，共120天。遇极端天气，由市政府决定提前或延长。

## 温度标准

- 居民住宅卧室、起居室温度不低于**18℃**；
- 温度不达标的，可向供热企业报修，供热企业应在24小时内上门测温。

## 测温与退费

经测温确认不达标且企业未能在规定期限内整改的，按不达标天数退还相应供暖费。`,
    categoryCodes: ["HOUSING.HEATING"],
    keywords: ["供暖", "暖气", "暖气不热", "供热", "室温", "温度不达标", "取暖", "heating", "radiator"],
    unitCode: "UTIL-HEATING",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-10-01",
    source: "淄博市城市管理局（供热管理）；淄博市热力公司客服",
    demoUses: 25,
  },
  {
    key: "housing-heating-fee",
    title: "供暖费缴费标准、缴费方式和暖气报停",
    summary: "居民供暖费按建筑面积计收，可通过供热企业营业厅、手机银行或微信公众号缴纳；不需要供暖的可在供暖季开始前向供热企业申请报停，按规定缴纳基本热价。",
    body: `- **收费标准**：居民按建筑面积计收，执行市发改部门核定价格；
- **缴费时间**：一般在每年10月至11月上旬集中缴费；
- **缴费方式**：供热企业营业厅、银行代收、微信公众号；
- **报停**：长期无人居住等不需要供暖的，须在**10月31日前**申请报停，报停期间按规定缴纳基本热费（容量费）。

低保家庭可按规定申请供暖费补贴。`,
    categoryCodes: ["HOUSING.HEATING"],
    keywords: ["供暖费", "暖气费", "取暖费", "报停", "停暖", "供热费", "heating fee"],
    unitCode: "UTIL-HEATING",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-10-01",
    source: "淄博市热力公司客服；淄博市发展和改革委员会（价格）",
    demoUses: 11,
  },
  {
    key: "housing-heating-en",
    title: "Heating season and indoor temperature in Zibo",
    summary: "District heating runs from 15 November to 15 March; living rooms and bedrooms must reach at least 18 °C, and the heating company must measure within 24 hours of a complaint.",
    body: `District heating in Zibo's urban area runs from **15 November to 15 March**. The city may start earlier or extend it in a cold spell.

If your radiators are cold or the room temperature stays below **18 °C**:

1. Call the heating company's service line to report it;
2. The company must send someone to measure the temperature within 24 hours;
3. If the temperature is confirmed too low and not fixed in time, part of the heating fee is refunded.

Residents who do not need heating must apply to suspend it before 31 October.`,
    categoryCodes: ["HOUSING.HEATING"],
    keywords: ["heating", "radiator", "cold radiators", "indoor temperature", "heating fee", "供暖"],
    unitCode: "UTIL-HEATING",
    audience: "PUBLIC",
    language: "EN",
    effectiveFrom: "2025-10-01",
    source: "Zibo Heating Company customer service",
  },
  {
    key: "housing-maintenance-fund",
    title: "住宅专项维修资金（维修基金）的使用和查询",
    summary: "房屋共用部位、共用设施设备（屋面防水、外墙、电梯、水泵等）保修期满后的维修，可申请使用住宅专项维修资金，需经业主“双三分之二”表决。",
    body: `**适用范围**：屋顶漏水、外墙脱落、电梯大修、消防设施、二次供水设备等共用部位和设施维修。

**申请流程**

1. 物业企业或业委会提出维修方案和预算；
2. 经专有部分面积占比三分之二以上且人数占比三分之二以上的业主同意；
3. 向区县住建部门（维修资金管理中心）申请划转。

**紧急情况**（如电梯停运、屋面严重漏水）可按应急程序先行维修。

业主可通过住建局官网或营业窗口查询个人维修资金余额。`,
    categoryCodes: ["HOUSING.BUILDING_QUALITY"],
    keywords: ["维修基金", "维修资金", "房屋漏水", "屋顶漏水", "外墙", "电梯大修", "房屋质量"],
    unitCode: "BUR-HOUSING",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2024-06-01",
    source: "淄博市住宅专项维修资金管理中心",
    demoUses: 2,
  },
  {
    key: "housing-title-certificate",
    title: "商品房办理不动产权证（房产证）迟迟办不下来怎么办",
    summary: "开发商应在合同约定期限内办理首次登记并协助买受人办证；逾期未办的，购房人可向自然资源和规划部门（不动产登记）及住建部门反映。",
    body: `常见原因：开发商未完成竣工验收备案、欠缴土地出让金或税费、存在抵押未解除。

**购房人可以：**

- 查看购房合同中约定的办证期限和违约责任；
- 向区县不动产登记中心查询项目首次登记进度；
- 通过12345热线反映，由住建、自然资源部门联合督办。

历史遗留“办证难”问题由市级专班统筹处理。`,
    categoryCodes: ["HOUSING.TITLE_CERTIFICATE"],
    keywords: ["房产证", "不动产权证", "办证难", "不动产登记", "产权证"],
    unitCode: "BUR-NATRES",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "淄博市自然资源和规划局 不动产登记中心",
  },
];
