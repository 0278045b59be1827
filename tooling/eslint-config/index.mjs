import { existsSync } from "node:fs";
import { join } from "node:path";
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// Lint runs in the package's directory (turbo, pnpm --filter): its tsconfig.json, and tsconfig.test.json
// where the tests are checked apart from the build, give the type-aware rules their types.
const packageRoot = process.cwd();
const project = ["tsconfig.json", "tsconfig.test.json"].filter((file) => existsSync(join(packageRoot, file)));

/**
 * The house lint rules: typescript-eslint recommended, no `any`, braces always, React hooks rules
 * for .tsx, and type-aware checks that no promise is dropped or handed where a void callback goes.
 */
export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "src/gql/**", "coverage/**", "test-results/**", "playwright-report/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      curly: ["error", "all"],
      eqeqeq: ["error", "always"],
      "no-console": "off",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    languageOptions: { parserOptions: { project, tsconfigRootDir: packageRoot } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
    },
  },
  {
    files: ["**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
