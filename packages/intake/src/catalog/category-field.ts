/** The kind of value an extra field holds. */
export enum CategoryFieldType {
  TEXT = "TEXT",
  NUMBER = "NUMBER",
  DATE = "DATE",
  SELECT = "SELECT",
}

/** An extra field a category asks for (stored as jsonb on the category). */
export type CategoryFieldDefinition = {
  key: string;
  labelZh: string;
  labelEn: string;
  type: CategoryFieldType;
  required: boolean;
  options?: string[] | null;
  maxLength?: number | null;
};
