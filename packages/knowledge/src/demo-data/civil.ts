import type { DemoArticle } from "./demo-article.js";

/** ID cards and household registration, parking, social assistance, heating subsidy. */
export const civilArticles: DemoArticle[] = [
  {
    key: "police-id-card",
    title: "身份证到期换领、丢失补办",
    summary: "居民身份证有效期满前三个月可申请换领，丢失的应及时挂失并补领；可在户籍所在地或异地（全国通办）派出所户籍窗口办理。",
    body: `- **所需材料**：户口簿（换领时交回旧证），现场采集照片和指纹；
- **办理地点**：户籍所在地派出所户籍窗口，或任一公安机关的异地受理点；
- **办证时间**：一般20个工作日内制证，可邮寄；
- **临时身份证**：急用的可同时申领临时居民身份证，当场或次日领取。`,
    categoryCodes: ["POLICE.HOUSEHOLD"],
    keywords: ["身份证", "补办身份证", "身份证到期", "换身份证", "临时身份证", "户籍", "ID card"],
    unitCode: "BUR-POLICE",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "淄博市公安局 户政管理支队",
    demoUses: 6,
  },
  {
    key: "police-illegal-parking",
    title: "车辆乱停乱放、堵路堵门的处理",
    summary: "道路上违法停车堵塞交通的，由公安交警部门处理；小区内车辆堵门、占用消防通道的，由物业劝离，占用消防通道的可向消防部门举报。",
    body: `- **市政道路**：派公安交警大队，可现场贴单或拖移；
- **小区内**：物业联系车主挪车，必要时报警；
- **占用消防车通道**：同时派消防救援机构；
- 车辆堵住出入口、紧急出行的，可直接拨打110或122请求挪车。`,
    categoryCodes: ["POLICE.TRAFFIC"],
    keywords: ["违停", "乱停车", "堵路", "挪车", "违章停车", "占道停车", "illegal parking"],
    unitCode: "BUR-POLICE",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "淄博市公安局交通警察支队",
    demoUses: 5,
  },
  {
    key: "civil-minimum-allowance",
    title: "最低生活保障（低保）申请条件和流程",
    summary: "家庭人均收入低于当地低保标准且家庭财产符合规定的，可向户籍所在地镇（街道）申请低保，经入户调查、公示后由区县民政部门审批。",
    body: `1. 向户籍所在地**镇（街道）**提出书面申请，或通过“爱山东”App申请；
2. 镇（街道）入户调查、核对家庭经济状况；
3. 村（居）民委员会公示7天；
4. 区县民政局审批，符合条件的按月发放。

低保家庭可同时享受医疗救助、教育救助、供暖补贴等。`,
    categoryCodes: ["CIVIL.ASSISTANCE"],
    keywords: ["低保", "最低生活保障", "社会救助", "困难家庭", "救助金"],
    unitCode: "BUR-CIVIL",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "淄博市民政局 社会救助科",
  },
  {
    key: "housing-heating-subsidy-window",
    title: "2026年度困难家庭供暖补贴申报（即将截止）",
    summary: "低保、特困家庭本供暖季的供暖补贴申报窗口即将关闭，请符合条件的家庭尽快向所在镇（街道）提交申请。",
    body: `**对象**：持有效低保证、特困证的家庭。

**材料**：身份证、户口簿、低保或特困证、供暖费缴费凭证。

**地点**：户籍所在地镇（街道）民政办。补贴经审核后发放至社保卡。`,
    categoryCodes: ["HOUSING.HEATING", "CIVIL.ASSISTANCE"],
    keywords: ["供暖补贴", "取暖补贴", "困难家庭", "低保供暖"],
    unitCode: "BUR-CIVIL",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2026-10-15",
    expiresInWorkingDays: 3,
    source: "淄博市民政局；淄博市城市管理局",
  },
];
