/** The knowledge side panel, for screens that embed it (the call screen, beside the description). */
export { KnowledgeSidePanel } from "./KnowledgeSidePanel.tsx";
