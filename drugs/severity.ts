/**
 * Interaction severities, most serious first. Kept apart from the zod schema
 * so runtime code (the background, the UI) can use them without bundling zod.
 */
export const SEVERITIES = ['contraindicated', 'major', 'moderate', 'minor'] as const;
export type Severity = (typeof SEVERITIES)[number];
