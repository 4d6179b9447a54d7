/**
 * The environment for a build a test starts, as a person runs it: vitest's
 * NODE_ENV=test (and its own variables) would make a different bundle.
 */
export function buildEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST')));
}
