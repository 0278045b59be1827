import type { DemoArticle } from "./demo-article.js";

/** Water outages and quality, power outages, gas supply. */
export const utilityArticles: DemoArticle[] = [
  {
    key: "utility-water-outage",
    title: "停水查询：计划停水和突发停水怎么处理",
    summary: "计划停水由供水公司提前24小时公告；突发停水（爆管、设备故障）可拨打供水公司客服或12345查询原因和恢复时间，超过24小时的应安排临时送水。",
    body: `## 计划停水

因管网施工、设备检修停水的，供水公司提前**24小时**通过网站、公众号、小区公告告知停水范围和时间。

## 突发停水

- 市政管网爆管、抢修：供水公司24小时抢修，一般4–8小时内恢复；
- 仅本楼或本小区停水：多为小区二次供水设备（水泵房）故障，由物业负责；
- 停水超过24小时的，应安排送水车临时供水。

**受理要点**：确认停水范围（一户、一栋楼、整个小区、片区）、停水开始时间、是否收到停水通知。`,
    categoryCodes: ["UTILITY.WATER_OUTAGE"],
    keywords: ["停水", "没水", "断水", "水管爆裂", "爆管", "计划停水", "来水时间", "water outage", "no water"],
    unitCode: "UTIL-WATER",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "淄博市供水公司 客服中心",
    demoUses: 19,
  },
  {
    key: "utility-water-pressure",
    title: "高层住户水压低、水流小的原因和处理",
    summary: "高层水压不足多为小区二次供水设施问题，由物业或二次供水管理单位维修；市政管网压力不足的由供水公司处理。",
    body: `- 整栋楼或高楼层水小：检查小区**二次供水**加压泵站，由物业报修；
- 单户水小：检查户内阀门、净水器、管道堵塞；
- 片区普遍水压低：市政供水压力问题，派供水公司。

用水高峰（早7点、晚7点前后）水压略有下降属正常现象。`,
    categoryCodes: ["UTILITY.WATER_OUTAGE", "UTILITY.WATER_QUALITY"],
    keywords: ["水压低", "水小", "水压不足", "二次供水", "加压泵", "高层没水"],
    unitCode: "UTIL-WATER",
    audience: "INTERNAL",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "淄博市供水公司 管网调度中心",
  },
  {
    key: "utility-water-quality",
    title: "自来水发黄、浑浊、有异味怎么办",
    summary: "停水恢复后短时间水发黄多为管道铁锈，放水几分钟即可；持续浑浊、有异味的，可向供水公司报修并申请水质检测。",
    body: `1. 恢复供水后先打开水龙头放水3–5分钟；
2. 仍然发黄、浑浊或有异味的，暂停饮用，拨打供水公司客服报修；
3. 供水公司将上门取样检测，结果告知用户；
4. 涉及二次供水水箱污染的，由卫生健康部门监督处理。`,
    categoryCodes: ["UTILITY.WATER_QUALITY"],
    keywords: ["水质", "自来水发黄", "水浑浊", "水有异味", "黄水", "水质检测", "tap water quality"],
    unitCode: "UTIL-WATER",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "淄博市供水公司 水质检测中心",
    demoUses: 3,
  },
  {
    key: "utility-power-outage",
    title: "停电报修和计划停电查询",
    summary: "计划停电由供电公司提前7天公告；故障停电可拨打95598报修，城区一般45分钟内到达现场；仅自家停电的先检查户内空气开关。",
    body: `- **计划停电**：国网淄博供电公司提前7天在"网上国网"App和公众号发布；
- **故障停电**：拨打**95598**报修，城区抢修人员45分钟内到场；
- 只有自家没电：先检查家中空开、电表箱，欠费停电的缴费后自动复电；
- 小区整体停电：可能为小区配电设施故障，由供电公司和物业共同处理。`,
    categoryCodes: ["UTILITY.POWER_OUTAGE"],
    keywords: ["停电", "没电", "断电", "95598", "电力抢修", "计划停电", "power outage"],
    unitCode: "UTIL-POWER",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "国网淄博供电公司 95598",
    demoUses: 9,
  },
  {
    key: "utility-water-outage-en",
    title: "Water outages: planned and sudden",
    summary: "Planned water outages are announced 24 hours ahead; for a burst main the water company repairs around the clock, and a water truck is sent when an outage lasts over 24 hours.",
    body: `- **Planned outages** (pipe works, maintenance) are announced at least 24 hours ahead on the water company's website, WeChat account and notice boards.
- **Burst mains** are repaired around the clock; water usually returns within 4–8 hours.
- If only your building has no water, the estate's booster pumps are probably at fault: call the property management company.
- When an outage lasts more than 24 hours a water truck is arranged.`,
    categoryCodes: ["UTILITY.WATER_OUTAGE"],
    keywords: ["water outage", "no water", "water cut", "burst pipe", "water supply", "停水"],
    unitCode: "UTIL-WATER",
    audience: "PUBLIC",
    language: "EN",
    effectiveFrom: "2025-01-01",
    source: "Zibo Water Supply Company customer service",
  },
];
