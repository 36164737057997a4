import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { executeCodegen, type CodegenConfig } from '@graphql-codegen/cli';
import { Kind, print, visit, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

/**
 * `npm run codegen`: the web app's API types and the server's list of persisted operations, both
 * from the web app's operations (web/src/api/operations/*.graphql) checked against the server's
 * schema files. The schema is read as SDL, the way server/yoga.ts assembles it, so generating
 * needs no database, no network and none of the server's code. tests/web/generatedTypes.test.ts
 * fails when a committed output differs from what this makes now.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const generatedTypesFile = 'web/src/api/generated.ts';
export const persistedOperationsFile = 'server/persistedOperations.json';
const operationsGlob = 'web/src/api/operations/*.graphql';

/** server/yoga.ts merges modules/<m>/<m>.graphql for each module folder; the same files here, so the two never disagree. */
function schemaFiles(): string[] {
  const modulesDir = path.join(root, 'server', 'modules');
  return fs
    .readdirSync(modulesDir)
    .sort()
    .map((m) => path.posix.join('server/modules', m, `${m}.graphql`))
    .filter((file) => fs.existsSync(path.join(root, file)));
}

/** One persisted document: the operation and every fragment it spreads, printed canonically. */
export interface PersistedOperation {
  name: string;
  kind: 'query' | 'mutation' | 'subscription';
  document: string;
  /** sha256 of `document`, hex: what the client sends as extensions.persistedQuery.sha256Hash. */
  hash: string;
}

function fragmentsUsedBy(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const pending: DefinitionNode[] = [operation];
  while (pending.length > 0) {
    visit(pending.pop()!, {
      FragmentSpread(node) {
        const name = node.name.value;
        const fragment = fragments.get(name);
        if (!fragment) throw new Error(`片段 ${name} 未定义 / fragment ${name} is not defined`);
        if (used.has(name)) return;
        used.set(name, fragment);
        pending.push(fragment);
      },
    });
  }
  return [...used.values()].sort((a, b) => a.name.value.localeCompare(b.name.value));
}

export function persistedOperationsOf(documents: readonly DocumentNode[]): PersistedOperation[] {
  const definitions = documents.flatMap((d) => d.definitions);
  const fragments = new Map(definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const operations: PersistedOperation[] = [];
  for (const operation of definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)) {
    const name = operation.name?.value;
    // The client addresses an operation by name (its result type is named after it).
    if (!name) throw new Error(`web 的操作必须有名称 / every web operation needs a name: ${print(operation).slice(0, 80)}`);
    if (operations.some((o) => o.name === name)) throw new Error(`操作名重复 / two operations are named ${name}`);
    const document = [operation, ...fragmentsUsedBy(operation, fragments)].map((d) => print(d)).join('\n\n');
    operations.push({ name, kind: operation.operation, document, hash: crypto.createHash('sha256').update(document).digest('hex') });
  }
  return operations.sort((a, b) => a.name.localeCompare(b.name));
}

const header = `// 自动生成，请勿手改 / GENERATED FILE — do not edit.
// Made by \`npm run codegen\` (scripts/apiCodegen.ts) from the server's schema
// (server/modules/<m>/<m>.graphql) and the web app's operations (${operationsGlob}).
// Change those and run \`npm run codegen\`; tests/web/generatedTypes.test.ts fails when this file is stale.
`;

type CodegenPlugin = { plugin: (schema: GraphQLSchema, documents: { document?: DocumentNode }[]) => string | { prepend?: string[]; content: string } };

const suffix = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' } as const;

/** Appended to the operation types: each operation's hash and its result and variables types, by name. */
const operationTablePlugin: CodegenPlugin = {
  plugin(_schema, documents) {
    const operations = persistedOperationsOf(documents.flatMap((d) => (d.document ? [d.document] : [])));
    const type = (o: PersistedOperation) => `${o.name}${suffix[o.kind]}`;
    return {
      content: [
        '',
        '/** The persisted-document hash of each operation: the client sends this, never the document (server/persistedOperations.json). */',
        'export const persistedOperationHashes = {',
        ...operations.map((o) => `  ${o.name}: '${o.hash}',`),
        '} as const;',
        '',
        '/** Each operation\'s result and variables types, by operation name. */',
        'export interface Operations {',
        ...operations.map((o) => `  ${o.name}: { result: ${type(o)}; variables: ${type(o)}Variables };`),
        '}',
        '',
        'export type OperationName = keyof Operations;',
        '',
      ].join('\n'),
    };
  },
};

/** The server's list: { hash: document } for every web operation, loaded by server/persistedOperations.ts at start. */
const manifestPlugin: CodegenPlugin = {
  plugin(_schema, documents) {
    const operations = persistedOperationsOf(documents.flatMap((d) => (d.document ? [d.document] : [])));
    return `${JSON.stringify(Object.fromEntries(operations.map((o) => [o.hash, o.document])), null, 2)}\n`;
  },
};

const localPlugins: Record<string, CodegenPlugin> = { 'chuantou-operation-table': operationTablePlugin, 'chuantou-persisted-manifest': manifestPlugin };

function config(): CodegenConfig {
  return {
    cwd: root,
    schema: schemaFiles(),
    documents: [operationsGlob],
    silent: true,
    noSilentErrors: true,
    pluginLoader: (name: string) => localPlugins[name] ?? import(name),
    generates: {
      [generatedTypesFile]: {
        plugins: ['typescript-operations', 'chuantou-operation-table'],
        config: {
          // String unions, not TypeScript enums: the web bundle gets no runtime code from here.
          enumType: 'string-literal',
          skipTypename: true,
          // Scalars the schema declares itself (JSON) stay unknown until a screen narrows them.
          defaultScalarType: 'unknown',
          useTypeImports: true,
        },
      },
      [persistedOperationsFile]: { plugins: ['chuantou-persisted-manifest'] },
    },
  } as CodegenConfig;
}

/** What `npm run codegen` writes, without writing it: file (from the repository root) and content. */
export async function generateApiFiles(): Promise<{ file: string; content: string }[]> {
  const { result, error } = await executeCodegen(config());
  if (error) throw error;
  return result.map((output) => {
    const file = path.relative(root, path.resolve(root, output.filename)).split(path.sep).join('/');
    // The header goes above what typescript-operations puts first (its helper types).
    return { file, content: file === generatedTypesFile ? `${header}\n${output.content}` : output.content };
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outputs = await generateApiFiles();
  for (const { file, content } of outputs) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
    console.log(`已生成 / generated ${file}`);
  }
}
