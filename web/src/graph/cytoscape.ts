// The one place cytoscape and its extensions are loaded and registered. Everything that draws a
// graph (the explorer, the penetration chart, the exports, the UI benchmark) imports cytoscape from
// here, so each extension is registered exactly once and no screen imports cytoscape itself.

import cytoscape from 'cytoscape';
import contextMenus from 'cytoscape-context-menus';
import elk from 'cytoscape-elk';
import fcose from 'cytoscape-fcose';
import navigator from 'cytoscape-navigator';
import svg from 'cytoscape-svg';
import 'cytoscape-context-menus/cytoscape-context-menus.css';
import 'cytoscape-navigator/cytoscape.js-navigator.css';
import { SpreadLayout } from './spreadLayout.ts';

cytoscape.use(fcose);
cytoscape.use(elk);
cytoscape.use(svg);
cytoscape.use(contextMenus);
navigator(cytoscape);
cytoscape('layout', 'spread', SpreadLayout);

export default cytoscape;
export type { Core, ElementDefinition, NodeSingular, EdgeSingular, StylesheetJson, LayoutOptions } from 'cytoscape';
