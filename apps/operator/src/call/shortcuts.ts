/** The call screen's keyboard shortcuts (shown in the help overlay and next to the buttons). */
export const SHORTCUTS = {
  newCall: "alt+n",
  takeCall: "alt+t",
  help: "?",
  save: "mod+enter",
  answerDirectly: "alt+d",
  sendToDispatch: "alt+s",
  emergency: "alt+e",
  template: "alt+i",
} as const;

/** The call screen's in-app path (/operator/call). */
export const CALL_PATH = "call";
