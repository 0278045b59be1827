/** The knowledge side panel, for screens that embed it (the call screen, beside the description). */
export {
  KnowledgeSidePanel,
  SEARCH_DEBOUNCE_MS,
  type KnowledgeSearchInputProps,
  type KnowledgeSidePanelProps,
} from "./KnowledgeSidePanel.tsx";
