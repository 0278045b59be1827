import type { DemoArticle } from "./demo-article.js";

/** School enrolment, bullying, tutoring and school fees. */
export const educationArticles: DemoArticle[] = [
  {
    key: "edu-primary-enrolment",
    title: "小学一年级入学报名条件和所需材料",
    summary: "年满6周岁（当年8月31日前出生）的适龄儿童，由法定监护人持户口簿、房产证明等材料在划片学校报名，实行网上报名与现场审核相结合。",
    body: `## 报名条件

- 当年8月31日前（含）年满6周岁的适龄儿童。
- 按"户籍+房产"相一致原则划片就近入学；具体学区以区县教育部门公布的**学区划分**为准。

## 所需材料

1. 儿童及法定监护人的户口簿（原件及复印件）；
2. 房屋不动产权证书或购房合同、网签备案证明；
3. 儿童出生医学证明；
4. 预防接种证（学校报名时查验）。

## 时间安排

每年7月上旬网上报名，7月中下旬现场审核，8月中旬公布录取结果。具体时间以区县教育局当年发布的招生公告为准。

> 户籍与房产不一致、租房家庭，按各区县的统筹安排办理，可向区县教育局招生办咨询。`,
    categoryCodes: ["EDU.ENROLMENT"],
    keywords: ["入学", "小学报名", "一年级", "招生", "学区", "划片", "义务教育", "上学", "school enrolment", "primary school"],
    unitCode: "BUR-EDU",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2026-04-01",
    expiresOn: "2027-03-31",
    source: "淄博市教育局《2026年义务教育学校招生入学工作的通知》；各区县教育局招生办",
    demoUses: 14,
  },
  {
    key: "edu-migrant-children",
    title: "随迁子女（外地户籍）在淄博上学怎么办理",
    summary: "进城务工人员随迁子女凭居住证、务工或经商证明、户口簿在居住地所在学区申请入学，由区县教育部门统筹安排公办学校学位。",
    body: `外地户籍的适龄儿童随父母在淄博居住的，可以在居住地申请义务教育入学。

**需提供的材料：**

- 父母一方在淄博的有效**居住证**；
- 劳动合同及社保缴费证明，或营业执照（经商）；
- 租房合同或房产证明；
- 儿童户口簿、出生医学证明。

**办理流程：** 网上报名 → 区县教育局审核材料 → 统筹分配学位 → 短信通知录取学校。

积分或排序规则由各区县公布。对分配结果有异议的，可在公布后5个工作日内向区县教育局申请复核。`,
    categoryCodes: ["EDU.ENROLMENT"],
    keywords: ["随迁子女", "外地户口上学", "外来务工子女", "居住证入学", "借读", "转学", "non-local children"],
    unitCode: "BUR-EDU",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2026-04-01",
    source: "淄博市教育局 基础教育科",
    demoUses: 6,
  },
  {
    key: "edu-bullying",
    title: "孩子在学校遭受校园欺凌，家长如何反映和处理",
    summary: "发现孩子被同学欺负、殴打或长期孤立，家长应先向班主任和学校反映，学校须在规定时限内调查处置；涉嫌违法的可报警，学校不处理的可向区县教育局或12345热线反映。",
    body: `## 什么是校园欺凌

学生之间，一方蓄意或恶意通过肢体、语言及网络等手段，实施欺负、侮辱，造成另一方身体伤害、财产损失或精神损害的事件，例如殴打、辱骂、起侮辱性绰号、勒索财物、恶意孤立、在网上散布隐私。

## 家长可以怎么做

1. **保留证据**：伤情照片、就医记录、聊天截图、目击同学。
2. **向学校反映**：班主任、德育处或校长。学校应成立调查小组，一般在10日内作出认定和处理。
3. **学校处理不当**：向区县教育局或通过12345热线反映，由教育部门督促处理。
4. **情节严重**（伤害、勒索等）：可直接拨打110报警。

## 热线受理要点

- 询问学校名称、年级、发生时间和经过，孩子目前是否安全；
- 涉及人身伤害或正在发生的，按紧急工单**立即派单**；
- 派单至所在区县教育局，抄送市教育局。`,
    categoryCodes: ["EDU.BULLYING"],
    keywords: ["校园欺凌", "校园霸凌", "霸凌", "被欺负", "被同学欺负", "打架", "勒索", "孤立", "bullying", "school bullying"],
    unitCode: "BUR-EDU",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-09-01",
    source: "《未成年人学校保护规定》；淄博市教育局 安全稳定科",
    demoUses: 9,
  },
  {
    key: "edu-tutoring-refund",
    title: "校外培训机构退费难、跑路怎么投诉",
    summary: "校外培训机构拒不退费或突然停业的，家长可向机构所在地区县教育局（学科类）或市场监管部门（非学科类）投诉，预收费一般纳入资金监管。",
    body: `**投诉渠道**

- 学科类培训（语数外等）：向机构所在区县教育局投诉；
- 非学科类（艺术、体育、科技等）：向区县教育局或市场监管局投诉；
- 也可拨打12345热线或12315反映。

**注意事项**

- 保留缴费凭证、培训合同、聊天记录；
- 预收费用不得超过3个月或60课时，超出部分可要求退还；
- 机构已停业、负责人失联的，涉嫌诈骗可向公安机关报案。`,
    categoryCodes: ["EDU.FEES_TUTORING", "CONSUMER.PREPAID_CARD"],
    keywords: ["校外培训", "培训机构退费", "补习班", "辅导班跑路", "退费", "课外班", "tutoring refund"],
    unitCode: "BUR-EDU",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-03-01",
    source: "淄博市教育局 校外教育培训监管科；12315",
    demoUses: 3,
  },
  {
    key: "edu-school-fees",
    title: "公办中小学收费项目和乱收费举报",
    summary: "义务教育阶段公办学校免收学费、杂费和教科书费，只可按规定代收作业本、校服等费用且须自愿；强制收费、乱收费可向教育局举报。",
    body: `义务教育阶段公办学校：

- **免收**学费、杂费，免费提供国家规定课程教科书；
- 课后服务费、校服费、餐费等须按物价部门核定标准，坚持**自愿**原则；
- 不得以任何名义收取择校费、赞助费、补课费。

发现乱收费的，可向区县教育局或12345热线举报，并提供学校名称、收费项目、金额及凭证。`,
    categoryCodes: ["EDU.FEES_TUTORING"],
    keywords: ["学校乱收费", "择校费", "补课费", "课后服务费", "校服费", "学杂费"],
    unitCode: "BUR-EDU",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-09-01",
    source: "淄博市教育局 财务科",
  },
  {
    key: "edu-enrolment-en",
    title: "Primary school enrolment for families new to Zibo",
    summary: "Children who turn six by 31 August register in July at the school of their catchment area; non-local families need a residence permit, proof of work and a tenancy or property certificate.",
    body: `## Who can enrol

Children who are six years old on or before **31 August** of the school year.

## Documents

- Household register (hukou) or, for non-local families, a Zibo **residence permit**;
- Employment contract and social insurance record, or a business licence;
- Property certificate or registered tenancy agreement;
- Birth certificate and vaccination record.

## Timetable

Online registration opens in early July; documents are checked in mid-July; places are announced in August. Ask the district education bureau's admissions office for the exact dates.`,
    categoryCodes: ["EDU.ENROLMENT"],
    keywords: ["school enrolment", "school admission", "registration", "residence permit", "catchment area", "入学"],
    unitCode: "BUR-EDU",
    audience: "PUBLIC",
    language: "EN",
    effectiveFrom: "2026-04-01",
    source: "Zibo Municipal Education Bureau, basic education section",
  },
];
