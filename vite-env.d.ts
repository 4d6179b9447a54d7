/// <reference types="vite/client" />

declare module 'virtual:medmark/kb' {
  const kb: import('./drugs/knowledge-base').KnowledgeBase;
  export default kb;
}

declare module 'virtual:medmark/names' {
  const names: import('./drugs/name-index').NameEntry[];
  export default names;
}
