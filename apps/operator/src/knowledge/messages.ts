import { defineMessages, useKnowledgeT, type KbKey, type Translate } from "@civicline/ui";

/** Wording of the call-taker's knowledge search (side panel and page). */
export const operatorKnowledgeMessages = defineMessages(
  {
    "kbo.page.title": "Knowledge base",
    "kbo.page.intro": "Find the policy answer while the caller is on the line. Arrow keys choose an answer, Enter opens it, Esc goes back to the list.",
    "kbo.page.usedNote": "Marking an answer as used counts it in the knowledge statistics, so editors know which answers matter.",
    "kbo.search.label": "Search the knowledge base",
    "kbo.search.hint": "What the caller is asking about, in Chinese or English, e.g. 噪音, 社保, heating.",
    "kbo.panel.title": "Knowledge base",
    "kbo.panel.keys": "↑ ↓ choose · Enter open · Esc back",
    "kbo.results.label": "Matching answers",
    "kbo.results.count": "{count} answers found for “{query}”.",
    "kbo.results.more": "Showing the best {shown} of {total}. Add a word to narrow it down.",
    "kbo.results.searching": "Searching…",
    "kbo.empty.title": "Type to search the knowledge base",
    "kbo.empty.body": "Type what the caller is asking about; two characters are enough (噪音, 拆违, 社保).",
    "kbo.none.title": "No answer found for “{query}”",
    "kbo.none.body": "Try a shorter or different word, such as the policy's name or the department. If there is no answer, take the request and dispatch it: the search is recorded so the knowledge team can write one.",
    "kbo.failed": "The search did not work.",
    "kbo.hit.uses": "used {count}×",
    "kbo.hit.used": "Used in this call",
    "kbo.article.back": "Back to results",
    "kbo.article.use": "Use this answer",
    "kbo.article.useDone": "Used",
    "kbo.article.used": "Recorded: you used this answer.",
    "kbo.article.useFailed": "The use could not be recorded.",
    "kbo.article.loadFailed": "The article could not be loaded.",
  },
  {
    "kbo.page.title": "知识库",
    "kbo.page.intro": "通话中随时检索政策答复口径：方向键选择，回车打开，Esc 返回列表。",
    "kbo.page.usedNote": "标记“已采用”的知识会计入知识库使用统计，便于知识维护人员了解哪些答复最常用。",
    "kbo.search.label": "检索知识库",
    "kbo.search.hint": "输入来电人咨询的事项，中英文均可，如：噪音、社保、供暖。",
    "kbo.panel.title": "知识库",
    "kbo.panel.keys": "↑ ↓ 选择 · 回车 打开 · Esc 返回",
    "kbo.results.label": "检索结果",
    "kbo.results.count": "找到 {count} 条与“{query}”相关的知识。",
    "kbo.results.more": "显示最相关的 {shown} 条（共 {total} 条），可增加关键词缩小范围。",
    "kbo.results.searching": "正在检索…",
    "kbo.empty.title": "输入关键词检索知识库",
    "kbo.empty.body": "输入来电人咨询的事项，两个字即可检索，如：噪音、拆违、社保。",
    "kbo.none.title": "未找到与“{query}”相关的知识",
    "kbo.none.body": "请换用更简短或其他说法（如政策名称、主管部门）再试。如确无答案，请按流程受理派单；本次检索会被记录，供知识库补充完善。",
    "kbo.failed": "检索失败。",
    "kbo.hit.uses": "已引用 {count} 次",
    "kbo.hit.used": "本次通话已采用",
    "kbo.article.back": "返回检索结果",
    "kbo.article.use": "采用此答复",
    "kbo.article.useDone": "已采用",
    "kbo.article.used": "已记录：本次通话采用了此答复。",
    "kbo.article.useFailed": "采用记录保存失败。",
    "kbo.article.loadFailed": "知识内容加载失败。",
  },
);

export type OperatorKnowledgeKey = keyof (typeof operatorKnowledgeMessages)["en"];

export function useOperatorKnowledgeT(): Translate<OperatorKnowledgeKey | KbKey> {
  return useKnowledgeT(operatorKnowledgeMessages);
}
