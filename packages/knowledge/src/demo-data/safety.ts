import type { DemoArticle } from "./demo-article.js";

/** Fire safety acceptance, fire hazards, gas leaks, hazardous chemicals. */
export const safetyArticles: DemoArticle[] = [
  {
    key: "safety-fire-acceptance",
    title: "建设工程消防验收和备案怎么办理",
    summary: "特殊建设工程竣工后须向住建部门申请消防验收，其他建设工程实行消防验收备案（抽查）；未经验收或验收不合格的不得投入使用。",
    body: `自2019年起，建设工程消防设计审查验收由**住房和城乡建设部门**负责（原由消防救援机构负责）。

## 分类

- **特殊建设工程**（如大型商场、宾馆、医院、学校、高层公共建筑等）：竣工后申请消防验收；
- **其他建设工程**：竣工验收后5个工作日内办理消防验收**备案**，住建部门随机抽查。

## 申请材料

1. 消防验收申请表；
2. 工程竣工验收报告；
3. 涉及消防的建设工程竣工图纸；
4. 消防设施检测报告。

可通过山东省工程建设项目审批管理系统网上申请。小型装修工程（如店铺装修）是否需要消防验收，按建筑面积和使用性质确定。`,
    categoryCodes: ["SAFETY.FIRE_ACCEPTANCE"],
    keywords: ["消防验收", "消防备案", "消防审验", "竣工验收", "消防检测", "开业消防", "fire safety acceptance", "fire inspection"],
    unitCode: "BUR-HOUSING",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "《建设工程消防设计审查验收管理暂行规定》；淄博市住房和城乡建设局 消防审验科",
    demoUses: 5,
  },
  {
    key: "safety-fire-hazard",
    title: "消防通道堵塞、安全出口锁闭、消防设施损坏的举报",
    summary: "占用、堵塞、封闭消防车通道和疏散通道，锁闭安全出口，损坏消防栓、灭火器等属于消防违法行为，可向消防救援机构举报（96119）。",
    body: `**常见隐患**

- 小区消防车通道被私家车、杂物长期占用；
- 商场、歌厅安全出口上锁；
- 楼道堆放杂物、电动车楼道充电（“飞线充电”）；
- 消火栓无水、灭火器过期。

**受理要点**：如已起火或有人员被困，立即转**119**。一般隐患派至消防救援支队（属地大队），小区内的同时抄送物业和街道。`,
    categoryCodes: ["SAFETY.FIRE_HAZARD"],
    keywords: ["消防通道", "消防隐患", "安全出口", "消防栓", "灭火器", "电动车充电", "飞线充电", "堵塞通道", "fire hazard"],
    unitCode: "BUR-FIRE",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "淄博市消防救援支队；消防举报投诉电话96119",
    demoUses: 6,
  },
  {
    key: "safety-gas-leak",
    title: "闻到燃气味（燃气泄漏）怎么办",
    summary: "室内闻到燃气味应立即关闭燃气阀门、开窗通风，严禁开关电器、使用明火和拨打手机，到室外安全地点后拨打燃气公司抢修电话或119；热线按紧急工单立即转办。",
    body: `## 告知来电人

1. 立即关闭燃气表前阀门；
2. 打开门窗通风；
3. **不要**开关电灯、抽油烟机等电器，**不要**在室内打电话；
4. 撤离到室外安全地点后拨打燃气公司24小时抢修电话或119。

## 热线处置

- 按**紧急**工单处理，立即电话联系燃气公司抢修；
- 涉及楼道、地下管网大面积泄漏的，同时转119。`,
    categoryCodes: ["SAFETY.GAS_LEAK", "UTILITY.GAS_SUPPLY"],
    keywords: ["燃气泄漏", "煤气泄漏", "燃气味", "天然气泄漏", "漏气", "gas leak"],
    unitCode: "UTIL-GAS",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "淄博市燃气公司 24小时抢修",
    demoUses: 8,
  },
  {
    key: "safety-chemical-fire",
    title: "化工企业火灾、危险化学品泄漏的紧急转办流程（内部）",
    summary: "接到化工企业着火、爆炸或危化品泄漏报警，立即转119并按紧急工单派至应急管理局和属地政府，全程跟踪直至处置完毕。",
    body: `**处置流程**

1. 确认地点（企业名称、镇街）、现象（起火、爆炸、异味、烟雾颜色）、有无人员伤亡；
2. **立即**三方通话转119，涉及伤员同时转120；
3. 生成紧急工单，派至市应急管理局，抄送属地区县政府和镇（街道）；
4. 值班长跟踪回复，每30分钟更新一次进展。

> 案例：临淄区金岭回族镇某化工企业起火，热线受理后立即派单，15分钟内完成处置响应。`,
    categoryCodes: ["SAFETY.FIRE_CHEMICAL", "SAFETY.WORKPLACE_SAFETY"],
    keywords: ["化工火灾", "危化品", "危险化学品", "爆炸", "泄漏", "紧急转办", "119"],
    unitCode: "BUR-EMERGENCY",
    audience: "INTERNAL",
    language: "ZH_CN",
    effectiveFrom: "2025-06-01",
    source: "淄博市12345热线中心 紧急事项处置规程",
  },
  {
    key: "safety-fire-acceptance-en",
    title: "Fire safety acceptance for buildings and shop fit-outs",
    summary: "Large public buildings need a fire safety acceptance from the housing and construction bureau before use; other projects file a record within 5 working days of completion and may be spot-checked.",
    body: `Since 2019 the **housing and urban-rural development bureau**, not the fire brigade, handles fire safety design review and acceptance.

- **Special projects** (shopping centres, hotels, hospitals, schools, high-rise public buildings): apply for acceptance after completion; the building may not be used before it passes.
- **Other projects**: file an acceptance record within 5 working days; a random sample is inspected.

Documents: application form, completion report, as-built fire drawings, and the fire equipment test report. Apply online through the Shandong construction project approval system.`,
    categoryCodes: ["SAFETY.FIRE_ACCEPTANCE"],
    keywords: ["fire safety acceptance", "fire inspection", "fire certificate", "building completion", "消防验收"],
    unitCode: "BUR-HOUSING",
    audience: "PUBLIC",
    language: "EN",
    effectiveFrom: "2025-01-01",
    source: "Zibo Housing and Urban-Rural Development Bureau, fire review section",
  },
];
