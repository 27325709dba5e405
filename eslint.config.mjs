import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * One type-aware program for the whole workspace (the root tsconfig.json): every project's files
 * are linted with the types of every other, in one pass. No `--cache`: ESLint's cache keys a file's
 * result on that file alone, so a type change elsewhere would replay a stale pass for type-aware
 * rules (typescript-eslint/typescript-eslint#4694, #6373); Nx caches the whole lint instead.
 */
export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "**/coverage/**", "**/*.js", "**/*.mjs", "**/*.cjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: "./tsconfig.json", tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
);
