import { defineMessages, errorCode, useRoutingErrorMessage, useRoutingT, type RoutingMessageKey, type Translate } from "@civicline/ui";
import { useCallback } from "react";

/** Wording of the admin's category keywords page (分类关键词). */
const categoryKeywordMessages = defineMessages(
  {
    "ck.nav": "Category keywords",
    "ck.title": "Category keywords",
    "ck.intro": "Everyday words and synonyms people use for a category (pothole, 坑, 坑洼 → damaged road). The call form's and the portal's category search find a category by them.",
    "ck.forbidden": "Only administrators can edit category keywords.",
    "ck.filter": "Filter categories",
    "ck.filterHint": "By name, code or keyword.",
    "ck.count": "{count} categories",
    "ck.noMatch.title": "No category matches this filter",
    "ck.noMatch.body": "Clear the filter or try another word.",
    "ck.empty.title": "There are no categories yet",
    "ck.empty.body": "Categories are set up with the catalogue import; once they exist you can give them keywords here.",
    "ck.loadFailed": "The categories could not be loaded.",
    "ck.retry": "Try again",
    "ck.keywords": "Keywords for {name}",
    "ck.keywordsHint": "Separate words with commas or 、. Up to 30 words of up to 30 characters; repeated words are kept once.",
    "ck.group": "Group",
    "ck.save": "Save",
    "ck.saved": "Keywords for {name} saved ({count}).",
    "ck.error.INTAKE/CATEGORY_NOT_FOUND": "This category no longer exists. Reload the page.",
    "ck.field.TOO_LONG": "Keyword {index} is longer than 30 characters.",
    "ck.field.INVALID_CHARACTERS": "Keyword {index} contains characters that cannot be used.",
    "ck.field.TOO_MANY": "A category can have at most 30 keywords.",
  },
  {
    "ck.nav": "分类关键词",
    "ck.title": "分类关键词",
    "ck.intro": "群众对某一分类的日常说法和同义词（如“坑”“坑洼”“pothole”→ 道路破损）。话务员受理页和门户网站的分类搜索会按这些词找到分类。",
    "ck.forbidden": "只有管理员可以编辑分类关键词。",
    "ck.filter": "筛选分类",
    "ck.filterHint": "按名称、编码或关键词筛选。",
    "ck.count": "共 {count} 个分类",
    "ck.noMatch.title": "没有符合筛选条件的分类",
    "ck.noMatch.body": "请清空筛选框或换一个词。",
    "ck.empty.title": "尚无分类",
    "ck.empty.body": "分类通过目录导入建立；建立后即可在此为分类添加关键词。",
    "ck.loadFailed": "分类加载失败。",
    "ck.retry": "重试",
    "ck.keywords": "{name}的关键词",
    "ck.keywordsHint": "多个词用逗号或顿号“、”分隔。最多 30 个词，每个不超过 30 个字；重复的词只保留一个。",
    "ck.group": "分组",
    "ck.save": "保存",
    "ck.saved": "{name}的关键词已保存（{count} 个）。",
    "ck.error.INTAKE/CATEGORY_NOT_FOUND": "该分类已不存在，请刷新页面。",
    "ck.field.TOO_LONG": "第 {index} 个关键词超过 30 个字。",
    "ck.field.INVALID_CHARACTERS": "第 {index} 个关键词包含无法使用的字符。",
    "ck.field.TOO_MANY": "每个分类最多 30 个关键词。",
  },
);

export type CategoryKeywordKey = keyof (typeof categoryKeywordMessages)["en"];

export function useCategoryKeywordT(): Translate<CategoryKeywordKey | RoutingMessageKey> {
  return useRoutingT(categoryKeywordMessages);
}

/** A failed save in the UI language: this page's codes (and its field codes), then the shared wording. */
export function useCategoryKeywordError(): (error: unknown) => string | undefined {
  const t = useCategoryKeywordT();
  const shared = useRoutingErrorMessage();
  return useCallback(
    (error: unknown) => {
      const code = errorCode(error) ?? "";
      const key = `ck.error.${code}`;
      if (key in categoryKeywordMessages.en) {
        return t(key as CategoryKeywordKey);
      }
      return shared(error);
    },
    [t, shared],
  );
}

/** The first field problem of a BAD_USER_INPUT answer, worded (keywords[i] → "keyword i+1"). */
export function keywordFieldMessage(t: Translate<CategoryKeywordKey | RoutingMessageKey>, entry: { field: string; code?: string; message: string }): string {
  const key = `ck.field.${entry.code ?? ""}`;
  const index = /\[(\d+)\]/u.exec(entry.field)?.[1];
  return key in categoryKeywordMessages.en ? t(key as CategoryKeywordKey, { index: index === undefined ? "" : Number(index) + 1 }) : entry.message;
}
