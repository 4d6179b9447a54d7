/// <reference types="vite/client" />

declare module 'virtual:medmark/kb' {
  const kb: import('./drugs/knowledge-base').KnowledgeBase;
  export default kb;
}

declare module 'virtual:medmark/names' {
  /** JSON of `ShippedNames` (drugs/name-encoding.ts). */
  const names: string;
  export default names;
}

declare module 'mark.js/src/lib/mark.js' {
  /** mark.js's internal class (the dist build wraps it in a facade). Only the constructor is typed here; content/highlight.ts types what it uses. */
  export default class Mark {
    constructor(context: Element);
  }
}

declare module 'text-readability' {
  const readability: { fleschKincaidGrade(text: string): number };
  export default readability;
}
