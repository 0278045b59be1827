import { defineMessages, useKnowledgeT, type KbKey, type Translate } from "@civicline/ui";

/** Wording of the portal's common questions (public knowledge-base articles). */
export const portalKnowledgeMessages = defineMessages(
  {
    "kbp.title": "Common questions",
    "kbp.intro": "Before you call or submit a request, see whether one of these answers your question.",
    "kbp.search.label": "Search the common questions",
    "kbp.search.hint": "A few words are enough, e.g. 入学, 供暖, social insurance.",
    "kbp.search.submit": "Search",
    "kbp.results.count": "{total} answers",
    "kbp.results.countFor": "{total} answers for “{query}”",
    "kbp.results.more": "Show more answers",
    "kbp.none.title": "No answer found for “{query}”",
    "kbp.none.body": "Try other or fewer words. If you still cannot find an answer, submit your request and the hotline will handle it.",
    "kbp.empty.title": "No answers have been published yet",
    "kbp.empty.body": "Submit your request or call 12345; the hotline will answer you.",
    "kbp.failed": "The answers could not be loaded.",
    "kbp.notAnswered": "Didn't find what you need?",
    "kbp.submit": "Submit a request",
    "kbp.call": "or call 12345.",
    "kbp.article.back": "All common questions",
    "kbp.article.helped": "Did this not answer your question?",
    "kbp.article.notFound.title": "This answer is not available",
    "kbp.article.notFound.body": "It may have expired or been withdrawn. Search the common questions again, or submit your request.",
    "kbp.article.failed": "The answer could not be loaded.",
  },
  {
    "kbp.title": "常见问题",
    "kbp.intro": "来电或提交诉求前，不妨先查一查，这里也许已有您需要的答复。",
    "kbp.search.label": "搜索常见问题",
    "kbp.search.hint": "输入几个关键词即可，如：入学、供暖、社保。",
    "kbp.search.submit": "搜索",
    "kbp.results.count": "共 {total} 条答复",
    "kbp.results.countFor": "与“{query}”相关的答复共 {total} 条",
    "kbp.results.more": "查看更多",
    "kbp.none.title": "未找到与“{query}”相关的答复",
    "kbp.none.body": "请换个说法或减少关键词再试。如仍未找到，欢迎提交诉求，热线将为您办理。",
    "kbp.empty.title": "暂未发布常见问题",
    "kbp.empty.body": "您可以提交诉求或拨打 12345 热线，我们将为您解答。",
    "kbp.failed": "答复加载失败。",
    "kbp.notAnswered": "没有找到需要的答复？",
    "kbp.submit": "提交诉求",
    "kbp.call": "或拨打 12345 热线。",
    "kbp.article.back": "返回常见问题",
    "kbp.article.helped": "以上内容没有解答您的问题？",
    "kbp.article.notFound.title": "该答复已无法查看",
    "kbp.article.notFound.body": "该答复可能已失效或撤回。请重新搜索常见问题，或直接提交诉求。",
    "kbp.article.failed": "答复加载失败。",
  },
);

export type PortalKnowledgeKey = keyof (typeof portalKnowledgeMessages)["en"];

export function usePortalKnowledgeT(): Translate<PortalKnowledgeKey | KbKey> {
  return useKnowledgeT(portalKnowledgeMessages);
}
