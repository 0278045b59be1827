import type { DemoArticle } from "./demo-article.js";

/** Consumer complaints, returns, prepaid cards, food safety. */
export const consumerArticles: DemoArticle[] = [
  {
    key: "consumer-complaint",
    title: "消费投诉的受理范围和办理流程",
    summary: "消费者因购买商品、接受服务与经营者发生权益争议的，可向经营者所在地市场监管部门投诉，部门在7个工作日内决定是否受理，受理后组织调解。",
    body: `## 受理范围

- 商品质量问题、虚假宣传、价格欺诈；
- 服务不到位、格式条款不公平；
- 网购商品与描述不符、拒绝退换货。

## 需提供的信息

消费者姓名和联系方式，经营者名称和地址，消费时间、金额、具体诉求，发票、小票、聊天记录等凭证。

## 办理时限

市场监管部门收到投诉之日起**7个工作日**内决定是否受理；受理后组织调解，调解不成的告知消费者可通过仲裁、诉讼解决。

> 国家12315平台与12345热线已实现投诉数据互通。`,
    categoryCodes: ["CONSUMER.GOODS", "CONSUMER.SERVICES"],
    keywords: ["消费投诉", "消费维权", "12315", "商家欺诈", "退货", "虚假宣传", "consumer complaint"],
    unitCode: "BUR-MARKET",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "《市场监督管理投诉举报处理暂行办法》；淄博市市场监督管理局",
    demoUses: 16,
  },
  {
    key: "consumer-online-returns",
    title: "网购七日无理由退货的规定",
    summary: "通过网络购买商品，消费者有权自收到商品之日起七日内无理由退货，定制商品、鲜活易腐品、已拆封的数字化商品等除外，退货运费一般由消费者承担。",
    body: `- 自收到商品之日起**7日内**可无理由退货，商品应完好；
- **不适用**：消费者定作的商品、鲜活易腐商品、在线下载或拆封的音像制品和软件、交付的报纸期刊；
- 经营者应在收到退回商品之日起**7日内**返还价款；
- 退货运费由消费者承担，经营者另有约定的按约定。

商家拒绝的，可向商家（平台）所在地市场监管部门投诉。`,
    categoryCodes: ["CONSUMER.GOODS"],
    keywords: ["七天无理由退货", "7天无理由", "网购退货", "无理由退货", "退款", "online returns"],
    unitCode: "BUR-MARKET",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "《中华人民共和国消费者权益保护法》第二十五条",
    demoUses: 5,
  },
  {
    key: "consumer-prepaid-card",
    title: "健身房、美容美发店预付卡（储值卡）退卡和商家跑路",
    summary: "经营者停业、搬迁或不按约定提供服务的，消费者可要求退还预付款余额；商家失联的向市场监管部门投诉，涉嫌诈骗的向公安机关报案。",
    body: `**维权建议**

1. 保留办卡合同、付款记录、会员卡；
2. 与经营者协商退还剩余金额；
3. 向经营场所所在地区县市场监管局投诉；
4. 商家关门失联、大量会员受损的，涉嫌合同诈骗，向公安机关报案。

**办卡提醒**：选择有资质的商家，不一次性大额充值，签订书面合同并明确退卡条款。`,
    categoryCodes: ["CONSUMER.PREPAID_CARD"],
    keywords: ["预付卡", "储值卡", "会员卡退费", "健身卡", "美容卡", "商家跑路", "退卡", "prepaid card"],
    unitCode: "BUR-MARKET",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "淄博市市场监督管理局 消费者权益保护科",
    demoUses: 7,
  },
  {
    key: "consumer-food-safety",
    title: "餐馆食品安全问题（吃坏肚子、过期食品、后厨卫生）投诉",
    summary: "在餐馆就餐后出现身体不适，或发现销售过期变质食品、后厨卫生差的，可向市场监管部门投诉举报；出现严重症状的先就医并保留病历和消费凭证。",
    body: `**受理要点**

- 记录餐馆名称、地址、就餐时间、食用的食品、症状和就医情况；
- 多人同时出现症状的，可能为**食物中毒**，按紧急工单派单，并通知卫生健康部门；
- 过期食品、无证经营、后厨卫生问题，派至属地市场监管所。

消费者可要求经营者赔偿损失；经营明知是不符合食品安全标准的食品，可要求支付价款十倍或损失三倍的赔偿金。`,
    categoryCodes: ["CONSUMER.FOOD_SAFETY"],
    keywords: ["食品安全", "食物中毒", "过期食品", "吃坏肚子", "后厨卫生", "饭店", "food safety"],
    unitCode: "BUR-MARKET",
    audience: "PUBLIC",
    language: "ZH_CN",
    effectiveFrom: "2025-01-01",
    source: "《中华人民共和国食品安全法》；淄博市市场监督管理局",
    demoUses: 4,
  },
  {
    key: "consumer-complaint-en",
    title: "Consumer complaints about shops, services and online purchases",
    summary: "Complain to the market regulation bureau where the business is registered; it decides within 7 working days whether to take the case and then mediates. Online purchases can be returned within 7 days without a reason.",
    body: `**What to have ready**: the business's name and address, when and what you bought, the amount, what you ask for, and receipts or chat records.

**Timeline**: the market regulation bureau decides within 7 working days whether it accepts the complaint, then mediates between you and the business.

**Online shopping**: most goods can be returned within **7 days** of delivery without giving a reason (not custom-made, perishable or opened digital goods). The seller refunds within 7 days of receiving the return.

Prepaid cards (gyms, salons): if the business closes or disappears, complain to market regulation; if many customers lost money, report it to the police.`,
    categoryCodes: ["CONSUMER.GOODS", "CONSUMER.SERVICES", "CONSUMER.PREPAID_CARD"],
    keywords: ["consumer complaint", "refund", "returns", "online shopping", "prepaid card", "12315", "消费投诉"],
    unitCode: "BUR-MARKET",
    audience: "PUBLIC",
    language: "EN",
    effectiveFrom: "2025-01-01",
    source: "Zibo Administration for Market Regulation",
  },
];
