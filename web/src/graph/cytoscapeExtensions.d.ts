// The extensions ship no types. Each registers itself on cytoscape (graph/cytoscape.ts); what it
// adds to a Core is typed where it is used.
declare module 'cytoscape-fcose' {
  const extension: cytoscape.Ext;
  export default extension;
}
declare module 'cytoscape-elk' {
  const extension: cytoscape.Ext;
  export default extension;
}
declare module 'cytoscape-svg' {
  const extension: cytoscape.Ext;
  export default extension;
}
declare module 'cytoscape-context-menus' {
  const extension: cytoscape.Ext;
  export default extension;
}
declare module 'cytoscape-navigator' {
  const register: (cy: typeof import('cytoscape')) => void;
  export default register;
}
