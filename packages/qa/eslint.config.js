export { default } from "@civicline/eslint-config";
