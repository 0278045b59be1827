import type { DemoArticle } from "./demo-article.js";

/** Social insurance, wage arrears, labour disputes, medical insurance. */
export const labourArticles: DemoArticle[] = [
  {
    key: "labour-social-security-card",
    title: "社保卡（社会保障卡）申领、补办和挂失",
    summary: "社保卡可在合作银行网点、人社服务大厅或“爱山东”App申领，丢失后先通过12333或App临时挂失，再到银行网点补办，即时制卡的网点可当场领取。",
    body: `## 首次申领

- 参保人员携带身份证到社保卡合作银行网点或人社服务大厅申领；
- 也可在“爱山东”App、“淄博人社”公众号线上申请，卡片邮寄到家；
- 新生儿可与出生登记一并办理。

## 挂失与补办

1. 拨打**12333**或通过App办理临时挂失（5天内有效）；
2. 携带身份证到合作银行网点办理正式挂失和补卡；
3. 即时制卡网点可当场领取新卡，补卡工本费按规定收取。

## 电子社保卡

在“电子社保卡”小程序或支付宝、微信中领取，可用于就医购药、查询缴费。`,
    categoryCodes: ["LABOUR.SOCIAL_INSURANCE"],
    keywords: ["社保卡", "社会保障卡", "补办社保卡", "挂失", "电子社保卡", "12333", "social security card", "social insurance card"],
    unitCode: "BUR-HRSS",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "淄博市人力资源和社会保障局 社会保障卡服务中心；12333",
    demoUses: 22,
  },
  {
    key: "labour-pension-flexible",
    title: "灵活就业人员参加养老保险（社保）缴费标准和办理",
    summary: "无雇工的个体工商户、非全日制从业人员等灵活就业人员可以个人身份参加职工基本养老保险，在缴费基数上下限之间自选档次，按月或按年缴纳。",
    body: `**参保对象**：年满16周岁、未达法定退休年龄的灵活就业人员（不含在校学生）。

**缴费标准**

- 缴费基数在全省上年度平均工资的**60%–300%**之间自选；
- 缴费比例为20%，其中8%记入个人账户。

**办理渠道**：“爱山东”App、社保经办大厅；可通过银行代扣按月缴费。

**断缴与补缴**：灵活就业人员断缴一般不能补缴以前年度，累计缴费满15年可按月领取养老金。`,
    categoryCodes: ["LABOUR.SOCIAL_INSURANCE"],
    keywords: ["社保", "养老保险", "灵活就业", "个人交社保", "社保缴费", "缴费基数", "断缴", "pension"],
    unitCode: "BUR-HRSS",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2026-01-01",
    expiresOn: "2026-12-31",
    source: "淄博市社会保险事业中心",
    demoUses: 13,
  },
  {
    key: "labour-social-insurance-transfer",
    title: "社保转移（养老保险关系转移接续）怎么办",
    summary: "跨省、跨市流动就业的，养老保险关系随本人转移，在新参保地申请转入，通过全国社保转移平台或“掌上12333”办理，无需回原参保地。",
    body: `1. 在新就业地参保缴费；
2. 通过国家社会保险公共服务平台、“掌上12333”App或新参保地社保经办机构申请**转入**；
3. 两地社保机构通过系统传递信息，一般45个工作日内办结。

医疗保险关系转移由医保部门办理，与养老保险分开申请。`,
    categoryCodes: ["LABOUR.SOCIAL_INSURANCE"],
    keywords: ["社保转移", "养老保险转移", "社保迁移", "跨省转社保", "转移接续"],
    unitCode: "BUR-HRSS",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "淄博市社会保险事业中心；12333",
    demoUses: 4,
  },
  {
    key: "labour-wage-arrears",
    title: "被拖欠工资（欠薪）怎么投诉",
    summary: "用人单位拖欠或克扣工资的，劳动者可向用工所在地人社部门劳动保障监察机构投诉；工程建设领域农民工欠薪纳入根治欠薪专项处理。",
    body: `**需提供**：单位名称和地址、工作起止时间、工种、拖欠金额和期间、劳动合同或考勤、工资条、聊天记录等证明。

**办理**

- 劳动保障监察机构受理后责令用人单位限期支付；
- 工程建设项目欠薪，可启用工资保证金、应急周转金先行垫付；
- 涉嫌拒不支付劳动报酬罪的，移送公安机关。

春节前等重点时段，**农民工欠薪**问题按加急工单办理。`,
    categoryCodes: ["LABOUR.WAGE_ARREARS"],
    keywords: ["拖欠工资", "欠薪", "讨薪", "农民工工资", "克扣工资", "不发工资", "wage arrears", "unpaid wages"],
    unitCode: "BUR-HRSS",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "《保障农民工工资支付条例》；淄博市劳动保障监察支队",
    demoUses: 15,
  },
  {
    key: "labour-contract-dispute",
    title: "不签劳动合同、辞退补偿等劳动争议的处理途径",
    summary: "用人单位自用工之日起超过一个月不满一年未签书面劳动合同的，应支付二倍工资；解除合同的经济补偿等争议可申请劳动仲裁，仲裁时效为一年。",
    body: `- **未签劳动合同**：超过一个月不满一年的，每月支付二倍工资；
- **经济补偿**：按工作年限，每满一年支付一个月工资；
- **违法解除**：按经济补偿标准的二倍支付赔偿金。

**途径**：协商 → 调解（企业或街道调解组织）→ 劳动人事争议仲裁委员会仲裁 → 法院诉讼。申请仲裁的时效期间为**一年**。`,
    categoryCodes: ["LABOUR.LABOUR_DISPUTE"],
    keywords: ["劳动合同", "劳动仲裁", "辞退", "经济补偿", "二倍工资", "劳动争议", "被开除"],
    unitCode: "BUR-HRSS",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "《中华人民共和国劳动合同法》；淄博市劳动人事争议仲裁院",
  },
  {
    key: "health-medical-insurance",
    title: "异地就医备案和医保报销",
    summary: "参保人到外地就医，先通过国家医保服务平台App或“爱山东”备案，备案后在定点医院直接结算；未备案的回参保地手工报销，报销比例会降低。",
    body: `1. **备案**：国家医保服务平台App、“爱山东”App或医保经办窗口办理异地就医备案；
2. **直接结算**：在就医地联网定点医疗机构出院时直接结算；
3. **手工报销**：未能直接结算的，凭发票、费用清单、出院记录回参保地医保经办机构报销。

临时外出就医未备案的，报销比例下调10个百分点。`,
    categoryCodes: ["HEALTH.MEDICAL_INSURANCE"],
    keywords: ["医保报销", "异地就医", "医保备案", "医疗保险", "住院报销", "medical insurance"],
    unitCode: "BUR-MEDINS",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "淄博市医疗保障局",
    demoUses: 8,
  },
  {
    key: "labour-social-security-card-en",
    title: "Social security card: applying, replacing a lost card",
    summary: "Apply at a partner bank branch, a human resources service hall or the Ai Shandong app; report a lost card by calling 12333 and get a replacement at a bank branch.",
    body: `- **Apply**: bring your ID card to a partner bank branch or the HR and social security service hall, or apply online in the Ai Shandong app and have the card posted.
- **Lost card**: call **12333** (or use the app) to freeze it temporarily, then go to a partner bank to report the loss formally and get a new card; some branches print it on the spot.
- **Electronic card**: add the electronic social security card in WeChat or Alipay to pay at hospitals and pharmacies.`,
    categoryCodes: ["LABOUR.SOCIAL_INSURANCE"],
    keywords: ["social security card", "social insurance", "lost card", "replacement", "12333", "社保卡"],
    unitCode: "BUR-HRSS",
    audience: "PUBLIC",
    language: "EN",
    effectiveFrom: "2025-01-01",
    source: "Zibo Human Resources and Social Security Bureau; 12333",
  },
];
