import { civilArticles } from "./civil.js";
import { consumerArticles } from "./consumer.js";
import type { DemoArticle } from "./demo-article.js";
import { educationArticles } from "./education.js";
import { housingArticles } from "./housing.js";
import { labourArticles } from "./labour.js";
import { safetyArticles } from "./safety.js";
import { urbanArticles } from "./urban.js";
import { utilityArticles } from "./utility.js";

export type { DemoArticle } from "./demo-article.js";

/** Every demo article (keys are stable: the relevance test set refers to them). */
export const demoArticles: readonly DemoArticle[] = [
  ...educationArticles,
  ...housingArticles,
  ...urbanArticles,
  ...safetyArticles,
  ...utilityArticles,
  ...consumerArticles,
  ...labourArticles,
  ...civilArticles,
];
