import { defineMessages, useRoutingT, type RoutingMessageKey, type Translate } from "@civicline/ui";

/** Wording of the admin's audit log page (审计日志). Areas and verbs of `<area>.<verb>` actions are translated separately. */
export const auditMessages = defineMessages(
  {
    "al.nav": "Audit log",
    "al.title": "Audit log",
    "al.intro": "Every administrative action: who did what to which record, when, and what changed. Entries cannot be edited or deleted.",
    "al.forbidden": "Only administrators can read the audit log.",
    "al.query": "Search",
    "al.queryHint": "A name, username, category, key or record id.",
    "al.area": "Area",
    "al.anyArea": "All areas",
    "al.from": "From",
    "al.to": "Until",
    "al.search": "Search",
    "al.empty.title": "No entry matches",
    "al.empty.body": "Widen the dates, choose all areas or clear the search. Entries appear here as administrators change accounts, categories, keys, webhooks and message templates.",
    "al.loadFailed": "The audit log could not be loaded.",
    "al.more": "Show older entries",
    "al.col.at": "When",
    "al.col.actor": "Who",
    "al.col.action": "What",
    "al.col.record": "Record",
    "al.col.changes": "Changes",
    "al.system": "System",
    "al.created": "created",
    "al.removed": "removed",
    "al.noChanges": "—",
    "al.area.account": "Staff accounts",
    "al.area.session": "Sessions",
    "al.area.category": "Categories",
    "al.area.integrator": "Integrators and keys",
    "al.area.webhook": "Webhooks",
    "al.area.sms_template": "Message templates",
    "al.area.ranking_weights": "Ranking weights",
    "al.verb.create": "created",
    "al.verb.update": "changed",
    "al.verb.deactivate": "deactivated",
    "al.verb.reactivate": "reactivated",
    "al.verb.reset_password": "password reset",
    "al.verb.change_own_password": "own password changed",
    "al.verb.import": "imported from CSV",
    "al.verb.end": "session ended",
    "al.verb.end_all": "all sessions ended",
    "al.verb.move": "moved",
    "al.verb.rename": "renamed",
    "al.verb.key_issue": "key issued",
    "al.verb.key_revoke": "key revoked",
    "al.verb.key_rotate": "key rotated",
    "al.verb.redeliver": "delivery sent again",
    "al.verb.save": "saved",
    "al.verb.reset": "reset to default",
    "al.verb.delete": "deleted",
    "al.verb.revoke": "revoked",
  },
  {
    "al.nav": "审计日志",
    "al.title": "审计日志",
    "al.intro": "每一项管理操作：谁在什么时间对哪条记录做了什么、改了哪些内容。日志不能修改或删除。",
    "al.forbidden": "只有管理员可以查看审计日志。",
    "al.query": "搜索",
    "al.queryHint": "姓名、用户名、分类、密钥或记录编号。",
    "al.area": "范围",
    "al.anyArea": "全部范围",
    "al.from": "开始时间",
    "al.to": "截止时间",
    "al.search": "搜索",
    "al.empty.title": "没有符合条件的记录",
    "al.empty.body": "请放宽时间范围、选择全部范围或清空搜索。管理员修改账号、分类、密钥、Webhook 和短信模板后，记录会出现在这里。",
    "al.loadFailed": "审计日志加载失败。",
    "al.more": "显示更早的记录",
    "al.col.at": "时间",
    "al.col.actor": "操作人",
    "al.col.action": "操作",
    "al.col.record": "对象",
    "al.col.changes": "变更内容",
    "al.system": "系统",
    "al.created": "新建",
    "al.removed": "删除",
    "al.noChanges": "—",
    "al.area.account": "工作人员账号",
    "al.area.session": "登录会话",
    "al.area.category": "分类",
    "al.area.integrator": "对接方与密钥",
    "al.area.webhook": "Webhook",
    "al.area.sms_template": "短信模板",
    "al.area.ranking_weights": "排名权重",
    "al.verb.create": "新建",
    "al.verb.update": "修改",
    "al.verb.deactivate": "停用",
    "al.verb.reactivate": "重新启用",
    "al.verb.reset_password": "重置密码",
    "al.verb.change_own_password": "本人修改密码",
    "al.verb.import": "CSV 导入",
    "al.verb.end": "结束会话",
    "al.verb.end_all": "结束全部会话",
    "al.verb.move": "移动",
    "al.verb.rename": "重命名",
    "al.verb.key_issue": "签发密钥",
    "al.verb.key_revoke": "吊销密钥",
    "al.verb.key_rotate": "轮换密钥",
    "al.verb.redeliver": "重新推送",
    "al.verb.save": "保存",
    "al.verb.reset": "恢复默认",
    "al.verb.delete": "删除",
    "al.verb.revoke": "吊销",
  },
);

export type AuditMessageKey = keyof (typeof auditMessages)["en"];

export function useAuditT(): Translate<AuditMessageKey | RoutingMessageKey> {
  return useRoutingT(auditMessages);
}

/** The areas the filter offers (each is an action prefix `<area>.`). */
export const AUDIT_AREAS = Object.keys(auditMessages.en)
  .filter((key) => key.startsWith("al.area."))
  .map((key) => key.slice("al.area.".length));

/** An action in words: "Staff accounts · created"; unknown parts fall back to the code. */
export function actionText(t: Translate<AuditMessageKey | RoutingMessageKey>, action: string): string {
  const [area = "", ...rest] = action.split(".");
  const verb = rest.join(".");
  const areaKey = `al.area.${area}`;
  const verbKey = `al.verb.${verb}`;
  const areaText = areaKey in auditMessages.en ? t(areaKey as AuditMessageKey) : area;
  const verbText = verbKey in auditMessages.en ? t(verbKey as AuditMessageKey) : verb;
  return `${areaText} · ${verbText}`;
}
