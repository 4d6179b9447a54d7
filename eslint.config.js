// ESLint (flat config): JavaScript and TypeScript essentials, Preact's own
// config (hooks, JSX), and jsx-a11y's accessibility rules for the views.
// Formatting is Prettier's job (.prettierrc.json), not ESLint's.
import preact from 'eslint-config-preact';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', '.scratch/**', 'coverage/**'] },
  ...preact,
  ...tseslint.configs.recommended,
  jsxA11y.flatConfigs.recommended,
  {
    rules: {
      // Leaving a field out of a copy by destructuring it into `_name` is the intent, not a leftover.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
);
