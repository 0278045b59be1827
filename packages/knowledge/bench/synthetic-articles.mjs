import { performance } from "node:perf_hooks";
import { articleLexicon, buildSearchText, buildSearchVectors } from "../dist/index.js";

// Synthetic knowledge-base articles for the search benchmark: realistic Chinese (and some English)
// policy answers assembled from topic vocabularies, deterministic for a given seed.

const INSERT_ROWS = 500;
const DISTRICTS = ["张店区", "淄川区", "博山区", "临淄区", "周村区", "桓台县", "高青县", "沂源县"];
const STREETS = ["科苑街道", "车站街道", "和平街道", "湖田街道", "马尚街道", "四宝山街道", "金岭回族镇", "青城镇", "南麻街道", "索镇"];

/** [category code, unit code, title templates, phrases, keywords] per topic; {d} = district, {s} = street. */
const TOPICS = [
  ["EDU.ENROLMENT", "BUR-EDU", ["{d}小学一年级入学报名须知", "{d}初中招生划片范围说明", "{d}随迁子女入学办理指南"], ["适龄儿童持户口簿和房产证明报名", "学区划分以教育局公布为准", "随迁子女凭居住证申请学位", "网上报名后现场审核材料", "录取结果以短信通知"], ["入学", "招生", "学区", "报名", "上学"]],
  ["EDU.BULLYING", "BUR-EDU", ["{d}校园欺凌事件处理流程", "学生在校被欺负家长如何反映"], ["学校应在十日内调查认定", "保留伤情照片和聊天记录", "情节严重的可以报警", "教育局督促学校处理"], ["校园欺凌", "霸凌", "被欺负", "bullying"]],
  ["EDU.FEES_TUTORING", "BUR-EDU", ["{d}校外培训机构退费投诉", "课后服务收费标准"], ["预收费不得超过三个月", "培训机构停业可向教育局投诉", "课后服务坚持自愿原则"], ["校外培训", "退费", "补习班"]],
  ["HOUSING.PROPERTY_FEE", "BUR-HOUSING", ["{d}{s}小区物业费收费标准", "物业费调价需要业主同意吗", "业主拒交物业费的处理"], ["物业服务费执行政府指导价", "收费项目应在小区公示", "业委会与物业企业协商收费", "对服务不满可向住建部门投诉"], ["物业费", "物业收费", "property fee"]],
  ["HOUSING.PROPERTY_SERVICE", "BUR-HOUSING", ["{s}小区物业服务不到位", "电梯故障物业不维修怎么办"], ["楼道卫生长期无人清扫", "电梯维保不到位", "门禁损坏保安不在岗", "物业企业应限期整改"], ["物业服务", "电梯", "小区卫生"]],
  ["HOUSING.HEATING", "UTIL-HEATING", ["{d}集中供暖时间安排", "暖气不热测温报修流程", "供暖费缴纳和报停办理"], ["供暖期为十一月十五日至次年三月十五日", "室内温度不低于十八度", "供热企业二十四小时内上门测温", "报停需在十月底前申请"], ["供暖", "暖气", "供热", "heating"]],
  ["HOUSING.BUILDING_QUALITY", "BUR-HOUSING", ["住宅维修资金使用申请", "{d}房屋漏水维修责任"], ["屋面防水保修期为五年", "维修资金需业主双三分之二表决", "紧急情况可先行维修"], ["维修基金", "漏水", "房屋质量"]],
  ["URBAN.ILLEGAL_CONSTRUCTION", "BUR-URBAN", ["{d}{s}违法建设查处", "楼顶私搭乱建举报处理", "拆违专项行动工作说明"], ["未取得规划许可的建筑属于违法建设", "正在建设的违建当日制止", "逾期不拆除的依法强制拆除", "举报人信息依法保密"], ["违法建设", "违建", "拆违", "私搭乱建"]],
  ["URBAN.NOISE", "BUR-URBAN", ["{d}夜间施工噪音投诉", "广场舞噪音扰民处理", "商铺高音喇叭扰民"], ["夜间二十二时至次日六时禁止施工", "社会生活噪声由公安机关处理", "装修应避开午休时段", "执法队员现场核查"], ["噪音", "噪声", "扰民", "noise"]],
  ["URBAN.STREET_VENDING", "BUR-URBAN", ["{d}占道经营整治", "{s}便民疏导点管理"], ["主干道禁止摆摊设点", "便民疏导点在规定时段经营", "早夜市油烟噪声同时处理"], ["占道经营", "摆摊", "夜市"]],
  ["URBAN.STREET_LIGHTING", "BUR-URBAN", ["{d}路灯报修流程", "道路照明设施维护"], ["一般故障四十八小时内修复", "灯杆倾斜立即处置", "小区照明由物业负责"], ["路灯", "照明", "灯杆"]],
  ["SAFETY.FIRE_ACCEPTANCE", "BUR-HOUSING", ["建设工程消防验收办理", "{d}店铺装修消防备案"], ["特殊建设工程须申请消防验收", "其他工程五个工作日内备案", "消防设施检测报告", "未经验收不得投入使用"], ["消防验收", "消防备案", "fire safety"]],
  ["SAFETY.FIRE_HAZARD", "BUR-FIRE", ["消防通道堵塞举报", "{s}电动车楼道充电隐患"], ["占用消防车通道属于违法行为", "安全出口不得锁闭", "楼道禁止飞线充电"], ["消防通道", "消防隐患", "电动车充电"]],
  ["SAFETY.GAS_LEAK", "UTIL-GAS", ["闻到燃气味的处置", "燃气泄漏紧急处理"], ["立即关闭燃气阀门开窗通风", "严禁开关电器使用明火", "拨打燃气公司抢修电话"], ["燃气泄漏", "煤气", "漏气"]],
  ["UTILITY.WATER_OUTAGE", "UTIL-WATER", ["{d}{s}计划停水通知", "突发停水原因查询", "{d}管网抢修停水公告"], ["计划停水提前二十四小时公告", "爆管抢修一般四至八小时恢复", "停水超过二十四小时安排送水", "二次供水设备故障由物业负责"], ["停水", "没水", "爆管", "water outage"]],
  ["UTILITY.WATER_QUALITY", "UTIL-WATER", ["自来水发黄浑浊处理", "水质检测申请"], ["恢复供水后放水几分钟", "供水公司上门取样检测", "二次供水水箱定期清洗"], ["水质", "自来水", "浑浊"]],
  ["UTILITY.POWER_OUTAGE", "UTIL-POWER", ["{d}计划停电公告", "故障停电报修"], ["计划停电提前七天公告", "拨打九五五九八报修", "欠费停电缴费后复电"], ["停电", "断电", "power outage"]],
  ["CONSUMER.GOODS", "BUR-MARKET", ["消费投诉受理流程", "网购七日无理由退货", "{d}商品质量问题投诉"], ["市场监管部门七个工作日内决定是否受理", "保留发票和聊天记录", "经营者拒绝退货可投诉", "虚假宣传依法查处"], ["消费投诉", "退货", "12315", "consumer complaint"]],
  ["CONSUMER.PREPAID_CARD", "BUR-MARKET", ["健身房预付卡退费", "美容美发储值卡纠纷"], ["商家停业应退还余额", "大量会员受损涉嫌诈骗", "不要一次性大额充值"], ["预付卡", "储值卡", "会员卡", "prepaid card"]],
  ["CONSUMER.FOOD_SAFETY", "BUR-MARKET", ["餐馆食品安全投诉", "过期食品举报"], ["多人出现症状可能为食物中毒", "保留就医记录和消费凭证", "可要求十倍赔偿"], ["食品安全", "食物中毒", "过期食品"]],
  ["LABOUR.SOCIAL_INSURANCE", "BUR-HRSS", ["社保卡申领和补办", "灵活就业人员社保缴费", "社保转移接续办理", "{d}养老保险缴费基数"], ["拨打一二三三三临时挂失", "缴费基数在百分之六十至三百之间自选", "养老保险关系随本人转移", "累计缴费满十五年按月领取养老金"], ["社保", "社保卡", "养老保险", "social security card"]],
  ["LABOUR.WAGE_ARREARS", "BUR-HRSS", ["拖欠工资投诉", "农民工欠薪处理"], ["劳动保障监察机构责令限期支付", "工资保证金先行垫付", "拒不支付劳动报酬移送公安"], ["欠薪", "拖欠工资", "讨薪", "unpaid wages"]],
  ["LABOUR.LABOUR_DISPUTE", "BUR-HRSS", ["未签劳动合同二倍工资", "劳动仲裁申请"], ["超过一个月未签合同支付二倍工资", "仲裁时效为一年", "经济补偿按工作年限计算"], ["劳动合同", "劳动仲裁", "辞退"]],
  ["HEALTH.MEDICAL_INSURANCE", "BUR-MEDINS", ["异地就医备案", "住院医保报销比例"], ["异地就医先备案后结算", "未备案报销比例下调", "定点医院直接结算"], ["医保", "报销", "异地就医"]],
  ["POLICE.HOUSEHOLD", "BUR-POLICE", ["身份证换领补领", "户口迁移办理"], ["有效期满前三个月可换领", "异地受理全国通办", "临时身份证当场领取"], ["身份证", "户口", "户籍"]],
  ["POLICE.TRAFFIC", "BUR-POLICE", ["{d}违法停车处理", "车辆堵门挪车"], ["道路违停由交警处理", "小区内由物业劝离", "紧急情况拨打一二二"], ["违停", "挪车", "乱停车"]],
  ["CIVIL.ASSISTANCE", "BUR-CIVIL", ["最低生活保障申请", "{d}临时救助办理"], ["向户籍所在地镇街申请", "入户调查后公示七天", "低保家庭享受供暖补贴"], ["低保", "救助", "困难家庭"]],
];

const ENGLISH = [
  ["HOUSING.HEATING", "UTIL-HEATING", "Heating season and radiator complaints in {d}", "District heating runs from November to March. Rooms must reach eighteen degrees. The heating company measures within a day.", ["heating", "radiator"]],
  ["UTILITY.WATER_OUTAGE", "UTIL-WATER", "Planned water outage notice for {d}", "Planned outages are announced a day ahead. Burst mains are repaired around the clock. A water truck comes after a day.", ["water outage", "burst pipe"]],
  ["CONSUMER.GOODS", "BUR-MARKET", "Consumer complaints and refunds in {d}", "Complain to market regulation. Keep receipts. Online purchases can be returned within seven days.", ["consumer complaint", "refund"]],
  ["LABOUR.SOCIAL_INSURANCE", "BUR-HRSS", "Social security card replacement", "Report a lost card by calling twelve three three three. Get a new card at a partner bank.", ["social security card", "lost card"]],
  ["URBAN.NOISE", "BUR-URBAN", "Construction noise at night in {d}", "Construction is banned at night near homes. Inspectors check sites on the spot.", ["noise", "construction noise"]],
  ["HOUSING.PROPERTY_FEE", "BUR-HOUSING", "Property management fees explained", "Fees follow the government guide price. The property company must publish its charges.", ["property fee", "management fee"]],
];

const GENERIC = ["受理时记录具体地址和联系方式", "派单至属地责任单位办理", "办理结果及时回复群众", "如有异议可申请复核", "相关政策以最新文件为准", "咨询电话请拨打12345"];

/** A small deterministic PRNG (mulberry32). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (random, list) => list[Math.floor(random() * list.length)];

/** The n-th synthetic article (skewed towards the first topics, as real hotline volumes are). */
export function syntheticArticle(random, n) {
  const fill = (text) => text.replaceAll("{d}", pick(random, DISTRICTS)).replaceAll("{s}", pick(random, STREETS));
  if (random() < 0.1) {
    const [category, unit, title, body, keywords] = pick(random, ENGLISH);
    return { category, unit, language: "EN", title: `${fill(title)} (${n})`, summary: body.split(". ")[0], body: `${fill(body)}\n\n${body}`, keywords };
  }
  const index = Math.min(TOPICS.length - 1, Math.floor(Math.pow(random(), 1.4) * TOPICS.length));
  const [category, unit, titles, phrases, keywords] = TOPICS[index];
  const sentences = Array.from({ length: 4 + Math.floor(random() * 5) }, () => (random() < 0.75 ? pick(random, phrases) : pick(random, GENERIC)));
  return {
    category,
    unit,
    language: "ZH_CN",
    title: `${fill(pick(random, titles))}（第${n}号）`,
    summary: `${sentences[0]}。`,
    body: `## 办理说明\n\n${sentences.map((s) => `- ${fill(s)}。`).join("\n")}\n\n${pick(random, GENERIC)}。`,
    keywords: keywords.filter(() => random() < 0.8),
  };
}

/** Inserts `count` synthetic published/draft articles (tokenised by the knowledge package) and their lexicon. */
export async function seedSyntheticArticles(client, count, log = () => undefined) {
  const ids = async (sql) => new Map((await client.query(sql)).rows.map((r) => [r.code, r.id]));
  const categories = await ids("SELECT code, id FROM intake_category");
  const units = await ids("SELECT code, id FROM routing_unit");
  const users = await ids("SELECT username AS code, id FROM platform_user");
  const random = prng(12345);
  const words = new Set();
  const started = performance.now();
  for (let start = 0; start < count; start += INSERT_ROWS) {
    const params = [];
    const rows = [];
    for (let n = start; n < Math.min(count, start + INSERT_ROWS); n++) {
      const a = syntheticArticle(random, n);
      const fields = { title: a.title, summary: a.summary, body: a.body, keywords: a.keywords };
      articleLexicon(fields).forEach((w) => words.add(w));
      const expired = random() < 0.05;
      const vectors = buildSearchVectors(fields);
      const values = [
        random() < 0.9 ? "PUBLISHED" : "DRAFT", a.title, a.summary, a.body, a.keywords, [categories.get(a.category)], units.get(a.unit) ?? null,
        random() < 0.6 ? "PUBLIC" : "INTERNAL", a.language, expired ? "2024-01-01" : "2025-01-01", expired ? "2025-06-30" : null,
        "synthetic", users.get("supervisor"), users.get("admin"), Math.floor(Math.pow(random(), 3) * 300), vectors.vector, vectors.head, buildSearchText(fields),
      ];
      const base = params.length;
      params.push(...values);
      rows.push(`(${values.map((_, i) => `$${base + i + 1}${i === 15 || i === 16 ? "::tsvector" : ""}`).join(", ")}, 1, 1, now())`);
    }
    await client.query(
      `INSERT INTO knowledge_article (status, title, summary, body, keywords, category_ids, owning_unit_id, audience, language, effective_from,
         expires_on, source, author_id, reviewer_id, usage_count, search_vector, search_head, search_text, version_number, lock_version, published_at)
       VALUES ${rows.join(", ")}`,
      params,
    );
    if ((start / INSERT_ROWS) % 40 === 0) {
      log(`  ${start.toLocaleString("en")} articles…`);
    }
  }
  await client.query("INSERT INTO knowledge_search_term (term) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING", [[...words]]);
  await client.query("VACUUM ANALYZE knowledge_article");
  await client.query("ANALYZE knowledge_search_term");
  return performance.now() - started;
}

