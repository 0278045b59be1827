/**
 * Demo requests (诉求) as a call-taker would log them, for seeding and scenario
 * tests. The first seven are the cases from the project brief (see DOMAIN.md,
 * "Cases from the brief"); the rest are ordinary everyday requests.
 *
 * Everything here is fictional: callers, phone numbers (139 0000 00xx),
 * schools, estates, shops and companies. Road names are real Zibo roads so that
 * locations look plausible. Category codes refer to `demoCategories`; district
 * and township names to `loadZiboAreas()`.
 */
export type DemoCase = {
  key: string;
  channel: "PHONE" | "PORTAL";
  requestType: "CONSULTATION" | "HELP" | "COMPLAINT" | "SUGGESTION" | "REPORT" | "PRAISE" | "OTHER";
  urgency: "NORMAL" | "URGENT" | "EMERGENCY";
  categoryCode: string;
  districtNameZh: string;
  townshipNameZh: string | null;
  address: string;
  description: string;
  citizenName: string;
  phone: string;
  anonymous?: boolean;
  /** The caller asked that their identity be kept from the handling unit (保密). */
  confidential?: boolean;
  /** Values of the category's extra fields (see demoCategories). */
  extraFields?: Record<string, string>;
  daysAgo: number;
};

export const demoCases: DemoCase[] = [
  // ---- Cases from the brief -------------------------------------------------
  {
    key: "school-bullying",
    channel: "PHONE",
    requestType: "COMPLAINT",
    urgency: "NORMAL",
    categoryCode: "EDU.BULLYING",
    districtNameZh: "张店区",
    townshipNameZh: "科苑街道",
    address: "张店区科苑街道柳泉路附近某小学",
    description:
      "来电人反映：其孩子在张店区柳泉路附近某小学四年级就读，近一个月来多次被同班三名同学推搡、辱骂，并被索要零花钱，孩子现在害怕上学。来电人已向班主任反映两次，但情况未见好转。诉求：请教育部门调查处理，督促学校加强管理，保障孩子在校安全。来电人要求对其个人信息保密。",
    citizenName: "刘女士",
    phone: "13900000001",
    extraFields: { schoolName: "张店区柳泉路附近某小学", gradeClass: "四年级" },
    confidential: true,
    daysAgo: 6,
  },
  {
    key: "chemical-plant-fire",
    channel: "PHONE",
    requestType: "HELP",
    urgency: "URGENT",
    categoryCode: "SAFETY.FIRE_CHEMICAL",
    districtNameZh: "临淄区",
    townshipNameZh: "金岭回族镇",
    address: "临淄区金岭回族镇某化工企业厂区东侧",
    description:
      "来电人反映：金岭回族镇某化工企业厂区东侧冒出大量黑烟，可见明火，现场有刺鼻气味，距离附近村庄约五百米。来电人称已拨打119，消防车尚未到达。诉求：请相关部门立即处置，并告知周边群众是否需要疏散。（急件，已即时派发）",
    citizenName: "马先生",
    phone: "13900000002",
    daysAgo: 2,
  },
  {
    key: "cable-tv-fee",
    channel: "PHONE",
    requestType: "COMPLAINT",
    urgency: "NORMAL",
    categoryCode: "HOUSING.CABLE_TV_FEE",
    districtNameZh: "沂源县",
    townshipNameZh: "历山街道",
    address: "沂源县历山街道翠湖苑小区",
    description:
      "来电人反映：其居住的沂源县历山街道翠湖苑小区物业公司在收取物业费时，强制捆绑收取有线电视费，每户每年280元，业主不交有线电视费就不给开具物业费收据、不给办理门禁卡。来电人称家中并未开通有线电视。诉求：请相关部门核实，制止物业公司强制收费行为，退还已收取的费用。",
    citizenName: "赵女士",
    phone: "13900000003",
    extraFields: { estateName: "翠湖苑小区", amountYuan: "280" },
    daysAgo: 25,
  },
  {
    key: "qingcheng-refuse",
    channel: "PHONE",
    requestType: "COMPLAINT",
    urgency: "NORMAL",
    categoryCode: "URBAN.SANITATION",
    districtNameZh: "高青县",
    townshipNameZh: "青城镇",
    address: "高青县青城镇某村村西头垃圾收集点",
    description:
      "来电人反映：高青县青城镇某村村西头垃圾收集点已有十余天无人清运，垃圾堆放溢出到路面，天热后异味严重，招引蚊蝇。诉求：请镇上尽快安排清运，并定期清理。",
    citizenName: "孙先生",
    phone: "13900000004",
    daysAgo: 4,
  },
  {
    key: "bollard-reflective-strips",
    channel: "PHONE",
    requestType: "COMPLAINT",
    urgency: "NORMAL",
    categoryCode: "URBAN.ROAD_FACILITIES",
    districtNameZh: "张店区",
    townshipNameZh: "公园街道",
    address: "张店区人民西路与共青团西路交叉口",
    description:
      "来电人反映：张店区人民西路与共青团西路路口人行道上设置的防撞挡车桩，反光条大多已脱落或褪色，夜间灯光下很难看清，近期已有电动车驾驶人撞上挡车桩受伤。诉求：请相关部门尽快重新粘贴反光条或设置警示标志，消除安全隐患。",
    citizenName: "陈先生",
    phone: "13900000005",
    daysAgo: 18,
  },
  {
    key: "illegal-construction",
    channel: "PORTAL",
    requestType: "REPORT",
    urgency: "NORMAL",
    categoryCode: "URBAN.ILLEGAL_CONSTRUCTION",
    districtNameZh: "淄川区",
    townshipNameZh: "般阳路街道",
    address: "淄川区般阳路街道松龄东路锦华小区5号楼",
    description:
      "网民反映：淄川区般阳路街道锦华小区5号楼一楼住户近日在自家院内私自搭建彩钢板房，并向外扩建约二十平方米，占用了小区公共绿地，施工噪音大，影响楼上住户采光。诉求：请相关部门依法查处，拆除违法建设。举报人要求匿名。",
    citizenName: "周女士",
    phone: "13900000006",
    anonymous: true,
    daysAgo: 10,
  },
  {
    key: "consumer-goods",
    channel: "PORTAL",
    requestType: "COMPLAINT",
    urgency: "NORMAL",
    categoryCode: "CONSUMER.GOODS",
    districtNameZh: "周村区",
    townshipNameZh: "丝绸路街道",
    address: "周村区丝绸路街道某家电商场",
    description:
      "网民反映：其于本月初在周村区丝绸路街道某家电商场购买一台冰箱，使用不到两周即出现不制冷的问题。联系商场要求退换，商场称只能维修、不予退换。诉求：请市场监管部门协调，依照“三包”规定为其办理退换货。",
    citizenName: "韩先生",
    phone: "13900000007",
    daysAgo: 8,
  },
  {
    key: "consumer-services",
    channel: "PHONE",
    requestType: "COMPLAINT",
    urgency: "NORMAL",
    categoryCode: "CONSUMER.SERVICES",
    districtNameZh: "张店区",
    townshipNameZh: "和平街道",
    address: "张店区和平街道华光路某装饰公司",
    description:
      "来电人反映：其与张店区华光路某装饰公司签订家装合同并已支付首付款三万元，合同约定两个月完工，现已逾期一个多月，公司以工人不足为由多次拖延，且擅自更换合同约定的材料品牌。诉求：请相关部门督促该公司按合同履约或退还部分款项。",
    citizenName: "杨女士",
    phone: "13900000008",
    extraFields: { businessName: "华光路某装饰公司" },
    daysAgo: 12,
  },
  // ---- Ordinary everyday requests -------------------------------------------
  {
    key: "bbq-noise",
    channel: "PHONE",
    requestType: "COMPLAINT",
    urgency: "NORMAL",
    categoryCode: "URBAN.NOISE",
    districtNameZh: "临淄区",
    townshipNameZh: "闻韶街道",
    address: "临淄区闻韶街道桓公路某烧烤店",
    description:
      "来电人反映：其楼下临淄区桓公路某烧烤店每天营业至凌晨两三点，顾客喧哗、划拳声音很大，严重影响周边居民休息，多次与店主沟通无果。诉求：请相关部门处理夜间噪音扰民问题。",
    citizenName: "王先生",
    phone: "13900000009",
    daysAgo: 3,
  },
  {
    key: "water-outage",
    channel: "PHONE",
    requestType: "HELP",
    urgency: "URGENT",
    categoryCode: "UTILITY.WATER_OUTAGE",
    districtNameZh: "博山区",
    townshipNameZh: "城东街道",
    address: "博山区城东街道某小区3号楼",
    description:
      "来电人反映：其所在博山区城东街道某小区3号楼自昨晚八点起停水，至今未恢复，事先未见停水通知，楼内有老人和婴儿，生活极为不便。诉求：请供水单位尽快查明原因、恢复供水，并告知预计来水时间。",
    citizenName: "李女士",
    phone: "13900000010",
    daysAgo: 1,
  },
  {
    key: "social-insurance-query",
    channel: "PHONE",
    requestType: "CONSULTATION",
    urgency: "NORMAL",
    categoryCode: "LABOUR.SOCIAL_INSURANCE",
    districtNameZh: "桓台县",
    townshipNameZh: "索镇街道",
    address: "桓台县索镇街道",
    description:
      "来电人咨询：其原在企业工作缴纳职工养老保险，现已离职，想以灵活就业人员身份继续缴纳养老保险，咨询缴费基数档次、办理地点及是否可以通过手机办理。",
    citizenName: "张先生",
    phone: "13900000011",
    daysAgo: 5,
  },
  {
    key: "heating-insufficient",
    channel: "PHONE",
    requestType: "COMPLAINT",
    urgency: "NORMAL",
    categoryCode: "HOUSING.HEATING",
    districtNameZh: "张店区",
    townshipNameZh: "马尚街道",
    address: "张店区马尚街道某小区12号楼2单元",
    description:
      "来电人反映：其家中自供暖开始以来暖气一直不热，室内温度仅十四五度，达不到规定的18℃标准，已向热力公司客服报修两次，工作人员上门放气后仍不见好转。诉求：请供热单位彻底排查管网，保障正常供暖。",
    citizenName: "吴女士",
    phone: "13900000012",
    extraFields: { estateName: "马尚街道某小区" },
    daysAgo: 7,
  },
  {
    key: "property-fee-increase",
    channel: "PORTAL",
    requestType: "COMPLAINT",
    urgency: "NORMAL",
    categoryCode: "HOUSING.PROPERTY_FEE",
    districtNameZh: "淄川区",
    townshipNameZh: "松龄路街道",
    address: "淄川区松龄路街道某小区",
    description:
      "网民反映：其所在小区物业公司张贴通知，自下月起物业费由每平方米每月0.6元上调至0.9元，调价前未经业主大会讨论，也未公示收支情况。诉求：请相关部门核实物业公司调价是否合规。",
    citizenName: "郑先生",
    phone: "13900000013",
    daysAgo: 14,
  },
  {
    key: "wage-arrears",
    channel: "PHONE",
    requestType: "HELP",
    urgency: "URGENT",
    categoryCode: "LABOUR.WAGE_ARREARS",
    districtNameZh: "高青县",
    townshipNameZh: "芦湖街道",
    address: "高青县芦湖街道某在建住宅项目工地",
    description:
      "来电人反映：其与同乡共十二人在高青县芦湖街道某在建住宅项目从事木工工作，劳务公司拖欠去年九月至今的工资共计约二十万元，多次讨要未果，包工头已联系不上。诉求：请相关部门协调解决拖欠农民工工资问题。",
    citizenName: "冯先生",
    phone: "13900000014",
    extraFields: { employerName: "某劳务公司", amountYuan: "200000" },
    daysAgo: 9,
  },
  {
    key: "gas-smell",
    channel: "PHONE",
    requestType: "HELP",
    urgency: "EMERGENCY",
    categoryCode: "SAFETY.GAS_LEAK",
    districtNameZh: "周村区",
    townshipNameZh: "青年路街道",
    address: "周村区青年路街道某小区7号楼楼道",
    description:
      "来电人反映：其所住楼道内燃气味很重，怀疑燃气管道泄漏。话务员已提示来电人立即开窗通风，不要开关电器、不要使用明火，并尽快疏散到楼外。诉求：请燃气公司立即上门抢修。（已同步转燃气抢修）",
    citizenName: "钱女士",
    phone: "13900000015",
    daysAgo: 0,
  },
  {
    key: "enrolment-query",
    channel: "PORTAL",
    requestType: "CONSULTATION",
    urgency: "NORMAL",
    categoryCode: "EDU.ENROLMENT",
    districtNameZh: "张店区",
    townshipNameZh: "湖田街道",
    address: "张店区湖田街道",
    description:
      "网民咨询：其孩子今年9月满六周岁，家庭户籍在外市，夫妻二人在张店区湖田街道租房居住并缴纳社保满一年，咨询孩子能否在张店区就近入学、需要准备哪些材料、何时网上报名。",
    citizenName: "何女士",
    phone: "13900000016",
    daysAgo: 11,
  },
  {
    key: "bus-route-suggestion",
    channel: "PORTAL",
    requestType: "SUGGESTION",
    urgency: "NORMAL",
    categoryCode: "TRANSPORT.BUS",
    districtNameZh: "沂源县",
    townshipNameZh: "南麻街道",
    address: "沂源县南麻街道",
    description:
      "网民建议：沂源县城区开往县人民医院的公交车发车间隔较长，早高峰时段车辆拥挤，老人看病很不方便。建议相关部门在早高峰增加班次，或开通社区至医院的直达线路。",
    citizenName: "许先生",
    phone: "13900000017",
    daysAgo: 16,
  },
  {
    key: "taxi-overcharge",
    channel: "PHONE",
    requestType: "COMPLAINT",
    urgency: "NORMAL",
    categoryCode: "TRANSPORT.TAXI",
    districtNameZh: "张店区",
    townshipNameZh: "车站街道",
    address: "张店区车站街道淄博站北广场",
    description:
      "来电人反映：其前天晚上十点左右在淄博站北广场乘坐一辆出租车，司机不打表，到达目的地后要求支付五十元，明显高于正常打表价格。来电人保留了车牌号及付款记录。诉求：请相关部门查处并退还多收费用。",
    citizenName: "林先生",
    phone: "13900000018",
    daysAgo: 2,
  },
  {
    key: "night-emissions",
    channel: "PHONE",
    requestType: "REPORT",
    urgency: "NORMAL",
    categoryCode: "ENV.AIR",
    districtNameZh: "临淄区",
    townshipNameZh: "齐都镇",
    address: "临淄区齐都镇某工业园区",
    description:
      "来电人举报：临淄区齐都镇某工业园区内一家企业近一周每天夜间十一点后排放刺激性气味气体，周边村民夜里被熏醒，白天则没有明显异味，怀疑企业夜间偷排。诉求：请生态环境部门夜间突击检查，依法查处。举报人要求保密。",
    citizenName: "高先生",
    phone: "13900000019",
    daysAgo: 5,
  },
  {
    key: "prepaid-gym",
    channel: "PORTAL",
    requestType: "COMPLAINT",
    urgency: "NORMAL",
    categoryCode: "CONSUMER.PREPAID_CARD",
    districtNameZh: "桓台县",
    townshipNameZh: "少海街道",
    address: "桓台县少海街道某健身会所",
    description:
      "网民反映：其于去年在桓台县某健身会所办理年卡，充值三千六百元，近日会所突然闭店，门口张贴“装修暂停营业”通知，但无法联系到负责人，卡内余额无法使用。诉求：请相关部门协调退还剩余预付款。",
    citizenName: "罗女士",
    phone: "13900000020",
    daysAgo: 13,
  },
  {
    key: "street-light-praise",
    channel: "PHONE",
    requestType: "PRAISE",
    urgency: "NORMAL",
    categoryCode: "URBAN.STREET_LIGHTING",
    districtNameZh: "博山区",
    townshipNameZh: "域城镇",
    address: "博山区域城镇",
    description:
      "来电人表示：此前反映村口道路路灯损坏、夜间出行不便的问题，域城镇政府接单后三天内就安排人员更换了路灯，现在晚上出行方便安全了。来电人对工作人员的高效负责表示感谢。",
    citizenName: "谢先生",
    phone: "13900000021",
    daysAgo: 20,
  },
];
