/** PgPubSub topic published on commit (so on every instance) whenever an admin changes the category tree. */
export const CATEGORIES_CHANGED_TOPIC = "intake.categories_changed";

/** What CATEGORIES_CHANGED_TOPIC carries: ids only; subscribers reload the list. */
export type CategoriesChangedMessage = { categoryIds: string[]; change: string };
