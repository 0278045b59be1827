import type { DemoArticle } from "./demo-article.js";

/** Illegal construction, noise, street vending, street lights, sanitation. */
export const urbanArticles: DemoArticle[] = [
  {
    key: "urban-illegal-construction",
    title: "违法建设（私搭乱建）举报和拆违处理流程",
    summary: "未取得建设工程规划许可证或未按许可建设的建筑物、构筑物属于违法建设，由属地镇（街道）和综合行政执法部门查处，正在建设的优先制止。",
    body: `## 常见违法建设

- 小区内私自加建、扩建、楼顶加盖；
- 私占公共绿地、楼道搭建棚房；
- 一楼住户私挖地下室、扩建院墙；
- 临街违规搭建门头、雨棚。

## 受理与办理

1. 记录具体地址（小区、楼号、单元）、建设形态、是否正在施工；
2. **正在建设**的，派单至属地镇（街道）综合执法中队，要求当日到场制止；
3. 已建成的，由执法部门调查认定，依法下达限期拆除决定，当事人逾期不拆的依法强制拆除。

> 举报人信息依法保密。历史遗留违建按全市拆违专项行动分类处置。`,
    categoryCodes: ["URBAN.ILLEGAL_CONSTRUCTION"],
    keywords: ["违法建设", "违建", "拆违", "私搭乱建", "违章建筑", "楼顶加盖", "私自扩建", "illegal construction", "unauthorized building"],
    unitCode: "BUR-URBAN",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "淄博市综合行政执法局；《山东省城乡规划条例》",
    demoUses: 18,
  },
  {
    key: "urban-construction-noise",
    title: "夜间施工噪音扰民的投诉处理",
    summary: "城区建筑施工夜间（22时至次日6时）禁止产生噪声的作业，因工艺需要连续施工的须取得证明并公告；违规夜间施工可向生态环境或综合执法部门投诉。",
    body: `**规定**

- 夜间22:00至次日6:00，噪声敏感建筑物集中区域禁止进行产生环境噪声污染的建筑施工作业；
- 因混凝土浇筑等连续作业必须夜间施工的，须取得**夜间施工证明**并提前公告附近居民；
- 中考、高考期间另有禁噪规定。

**受理要点**：记录工地名称或位置、施工时间段、噪声来源（打桩、切割、渣土车等）。夜间正在发生的，派至属地执法中队现场核查。`,
    categoryCodes: ["URBAN.NOISE", "ENV.INDUSTRIAL_NOISE"],
    keywords: ["噪音", "噪声", "施工噪音", "夜间施工", "工地扰民", "渣土车", "noise", "construction noise"],
    unitCode: "BUR-ECOENV",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "《中华人民共和国噪声污染防治法》；淄博市生态环境局",
    demoUses: 12,
  },
  {
    key: "urban-neighbourhood-noise",
    title: "广场舞、商铺音响、楼上装修等社会生活噪声扰民",
    summary: "广场舞、商家高音喇叭招揽顾客、室内装修等社会生活噪声扰民的，由公安机关、综合执法部门依职责处理；住宅装修应避开午休和夜间时段。",
    body: `| 噪声来源 | 处理部门 |
|---|---|
| 广场舞、公共场所音响 | 属地派出所、街道 |
| 商铺高音喇叭、露天烧烤 | 综合行政执法部门 |
| 楼上装修 | 物业企业劝阻，必要时综合执法 |
| 邻居家中吵闹 | 属地派出所（110） |

**装修时间**：一般为工作日8:00–12:00、14:00–18:00，节假日不得进行产生噪声的装修作业（以小区管理规约为准）。`,
    categoryCodes: ["URBAN.NOISE"],
    keywords: ["噪音扰民", "广场舞", "装修噪音", "楼上装修", "高音喇叭", "邻居吵闹", "扰民", "noise complaint"],
    unitCode: "BUR-URBAN",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "《中华人民共和国噪声污染防治法》；淄博市公安局；淄博市综合行政执法局",
    demoUses: 10,
  },
  {
    key: "urban-street-vending",
    title: "占道经营、流动摊贩的管理和投诉",
    summary: "占用城市道路、人行道摆摊设点或店外经营的，由属地综合执法部门管理；便民疏导点内按规定时间经营的除外。",
    body: `- 主次干道、人行道、公交站台周边禁止占道经营；
- 各区县设有**便民疏导点**，允许在规定时段、区域内经营；
- 早夜市油烟、噪声、垃圾问题同时派属地街道。

受理时请记录具体路段、摊点类型和时段，以便执法队员错时巡查。`,
    categoryCodes: ["URBAN.STREET_VENDING"],
    keywords: ["占道经营", "摆摊", "流动摊贩", "店外经营", "夜市", "路边摊"],
    unitCode: "BUR-URBAN",
    audience: "INTERNAL",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "淄博市综合行政执法局 市容科",
    demoUses: 1,
  },
  {
    key: "urban-street-lighting",
    title: "路灯不亮、路灯损坏的报修",
    summary: "城市道路路灯不亮或灯杆损坏，由城市管理部门路灯管理所维修，一般故障48小时内修复；小区内路灯由物业负责。",
    body: `**报修信息**：道路名称、最近的路口或门牌、灯杆编号（灯杆上的喷涂编号）、故障情况（不亮、闪烁、白天不灭、灯杆倾斜）。

- 一般故障：48小时内修复；
- 灯杆倾倒、电线外露等**安全隐患**：立即派单，2小时内到场处置。

小区、单位院内的照明由物业或产权单位负责。`,
    categoryCodes: ["URBAN.STREET_LIGHTING"],
    keywords: ["路灯", "路灯不亮", "灯杆", "照明", "路灯报修", "street light"],
    unitCode: "BUR-URBAN",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "淄博市城市管理局 路灯管理所",
  },
  {
    key: "urban-bollard-strips",
    title: "防撞柱、隔离护栏反光标识不清晰的处理（联动督办案例）",
    summary: "道路防撞柱、隔离设施反光条缺失或不清晰，产权不明时由三方联动督办确定责任单位；已明确由城市管理部门（道路设施）负责维护。",
    body: `市中心部分路段防撞柱反光条老化，夜间不易辨认，群众多次反映。因设施建设单位与管养单位职责不清，经纪委监委、编办和12345热线中心**三方联动督办**，明确由城市管理局负责统一维护并限期整改。

受理此类诉求时：

- 记录路段及设施类型（防撞柱、隔离墩、护栏）；
- 派至城市管理局道路设施科；
- 如单位退单称“非本单位职责”，按联动督办结论再派，不再重复流转。`,
    categoryCodes: ["URBAN.ROAD_FACILITIES"],
    keywords: ["防撞柱", "反光条", "隔离墩", "道路设施", "联动督办", "护栏"],
    unitCode: "BUR-URBAN",
    audience: "INTERNAL",
    language: "ZH_CN",
    effectiveFrom: "2026-03-01",
    source: "淄博市12345热线中心 三方联动督办纪要",
  },
  {
    key: "urban-noise-en",
    title: "Noise complaints: construction at night, shops and neighbours",
    summary: "Construction noise between 22:00 and 06:00 is banned in residential areas without a night-work permit; shop loudspeakers go to urban management, noisy neighbours to the local police station.",
    body: `- **Construction at night** (22:00–06:00): not allowed near homes unless the site holds a night-work permit and has notified residents. Report the site and time; inspectors can check on the spot.
- **Shops and street stalls** with loudspeakers: urban management (law enforcement) handles them.
- **Neighbours and square dancing**: the local police station.
- **Renovation noise**: the property management company first; renovation is usually allowed on weekdays 8:00–12:00 and 14:00–18:00.`,
    categoryCodes: ["URBAN.NOISE"],
    keywords: ["noise", "noise complaint", "construction noise", "loud music", "neighbours", "噪音"],
    unitCode: "BUR-URBAN",
    audience: "PUBLIC",
    language: "EN",
    effectiveFrom: "2025-01-01",
    source: "Zibo Ecology and Environment Bureau; Zibo Urban Management Bureau",
  },
];
