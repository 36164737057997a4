// The architecture as rules (../shared/STYLE.md): every import points down.
//   model ← cypher ← importers, analyses (side by side) ← migrations ← server ← cli;  web talks HTTP only.
//   accounts, audit and cases stand on cypher beside importers and analyses: the server and the CLI
//   record through them; audit and cases may name the roles of accounts, nothing else.
//   exporters write a report document (an analysis's envelope with its sources) as files: above
//   analyses, beside nothing that stores. reports (saved queries, runs, diffs, watches) stand on
//   analyses, exporters, accounts, audit and cases; the server and the CLI are their two doors.
const layer = (name, mayNotImport, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path: `^${name}/` },
  to: { path: `^(${mayNotImport.join('|')})/` },
});

module.exports = {
  forbidden: [
    layer('model', ['exporters', 'reports', 'cypher', 'importers', 'analyses', 'accounts', 'audit', 'cases', 'migrations', 'server', 'cli', 'web', 'neo4j', 'demo'], 'model/ is the pure domain at the bottom'),
    layer('cypher', ['exporters', 'reports', 'importers', 'analyses', 'accounts', 'audit', 'cases', 'migrations', 'server', 'cli', 'web', 'neo4j'], 'cypher/ sits on model/ only'),
    layer('importers', ['exporters', 'reports', 'analyses', 'accounts', 'audit', 'cases', 'migrations', 'server', 'cli', 'web'], 'importers and analyses stand side by side'),
    layer('analyses', ['exporters', 'reports', 'importers', 'accounts', 'audit', 'cases', 'migrations', 'server', 'cli', 'web'], 'importers and analyses stand side by side'),
    layer('accounts', ['exporters', 'reports', 'importers', 'analyses', 'audit', 'cases', 'migrations', 'server', 'cli', 'web'], 'accounts know users, roles and sessions; the doors (server, CLI) use them'),
    layer('audit', ['exporters', 'reports', 'importers', 'analyses', 'cases', 'migrations', 'server', 'cli', 'web'], 'the audit trail records what the doors report; it names roles, nothing more of accounts'),
    layer('cases', ['exporters', 'reports', 'importers', 'analyses', 'audit', 'migrations', 'server', 'cli', 'web'], 'cases are user data beside accounts: they name the roles that may hold a case, and join the graph by keys only'),
    layer('exporters', ['importers', 'accounts', 'audit', 'cases', 'reports', 'migrations', 'server', 'cli', 'web'], 'exporters turn a report document into files; they know nothing of who asked or where it is kept'),
    layer('reports', ['importers', 'migrations', 'server', 'cli', 'web'], 'saved queries, runs, diffs and watches are domain logic both doors use: below the server and the CLI'),
    layer('migrations', ['server', 'cli', 'web'], 'migrations change stores with the importers\' and analyses\' code; the server and the CLI run them'),
    layer('server', ['cli', 'web'], 'the server is below the CLI; the web app is apart'),
    layer('generator', ['exporters', 'reports', 'cypher', 'importers', 'analyses', 'accounts', 'audit', 'cases', 'migrations', 'server', 'cli', 'web', 'neo4j'], 'the generator writes facts from model/ alone; it never computes answers with the analyses'),
    layer('neo4j', ['exporters', 'reports', 'model', 'cypher', 'importers', 'analyses', 'accounts', 'audit', 'cases', 'migrations', 'server', 'cli', 'web'], 'the database launcher knows nothing of the product'),
    {
      name: 'web-talks-http-only',
      comment: 'the web app imports nothing from the server side',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(model|cypher|importers|analyses|exporters|reports|accounts|audit|cases|migrations|server|cli|neo4j|demo)/' },
    },
    {
      name: 'cytoscape-loaded-in-one-place',
      severity: 'error',
      from: { path: '^(web|model|cypher|importers|analyses|exporters|reports|accounts|audit|cases|migrations|server|cli)/', pathNot: '^(web/src/graph/cytoscape(Extensions\\.d)?\\.ts|exporters/networkLayout\\.ts)$' },
      // Types may be shared (the stylesheet is typed); cytoscape and its extensions are loaded and
      // registered in one module of the web app (each extension once), and, headless, by the
      // report's network picture (the same layouts on paper as on screen).
      to: { path: 'node_modules/cytoscape[^/]*/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'model-does-no-io',
      comment: 'model/ is pure; only its data build script reads files',
      severity: 'error',
      from: { path: '^model/', pathNot: '^model/data/build\\.ts$' },
      to: { path: '^(fs|node:fs|net|node:net|http|node:http|child_process|node:child_process|neo4j-driver)$|node_modules/neo4j-driver/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
