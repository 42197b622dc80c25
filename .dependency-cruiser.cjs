/**
 * The import rules of the monorepo, checked by `npm run lint:deps` (part of `npm run lint` and
 * `npm test`). docs/ARCHITECTURE.md explains the layout they keep.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const api = '^apps/api/src';

/** The api's top-level folders, lowest first: each may import only folders before it in this list. */
const layers = ['platform', 'patient-data', 'graphql', 'auth', 'case-events', 'case-commands', 'projections', 'health', 'cases'];
const layerRules = layers.slice(0, -1).map((layer, index) => ({
  name: `layer-${layer}-imports-no-higher-layer`,
  severity: 'error',
  comment: `${layer} is below ${layers.slice(index + 1).join(', ')}: it may not import them.`,
  from: { path: `${api}/${layer}/` },
  to: { path: `${api}/(${layers.slice(index + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules never import each other in a circle.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-folders',
      severity: 'error',
      comment:
        'Folders never import each other in a circle, even when no single module does. Test helpers ' +
        '(test/ folders, imported by specs beside the code) are outside the layering.',
      scope: 'folder',
      from: { pathNot: '(^|/)test(/|$)' },
      to: { circular: true, pathNot: '(^|/)test(/|$)' },
    },
    {
      name: 'domain-imports-nothing-outside-itself',
      severity: 'error',
      comment: 'The domain is pure: no framework, no driver, no clock; not even node built-ins.',
      from: { path: '^packages/domain/src/', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: '^packages/domain/src/' },
    },
    {
      name: 'packages-never-import-apps',
      severity: 'error',
      comment: 'Packages are shared by the apps; they cannot know them.',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'api-folders-only-through-their-index',
      severity: 'error',
      comment: 'A top-level folder of the api reaches another only through what its index.ts exports.',
      from: { path: `${api}/([^/]+)/` },
      to: { path: `${api}/[^/]+/`, pathNot: [`${api}/$1/`, `${api}/[^/]+/index\\.ts$`] },
    },
    {
      name: 'api-root-only-through-indexes',
      severity: 'error',
      comment: 'The composition root (app.module.ts, main.ts, ...) uses folders through their index.ts.',
      from: { path: `${api}/[^/]+\\.ts$` },
      to: { path: `${api}/[^/]+/`, pathNot: `${api}/[^/]+/index\\.ts$` },
    },
    {
      name: 'case-features-only-through-their-index',
      severity: 'error',
      comment: 'A feature folder of cases/ reaches another only through what its index.ts exports.',
      from: { path: `${api}/cases/([^/]+)/` },
      to: { path: `${api}/cases/[^/]+/`, pathNot: [`${api}/cases/$1/`, `${api}/cases/[^/]+/index\\.ts$`] },
    },
    {
      name: 'cases-module-only-through-indexes',
      severity: 'error',
      from: { path: `${api}/cases/[^/]+\\.ts$` },
      to: { path: `${api}/cases/[^/]+/`, pathNot: `${api}/cases/[^/]+/index\\.ts$` },
    },
    {
      name: 'use-cases-independent',
      severity: 'error',
      comment: 'One use case (cases/<group>/<use-case>/) never imports another, nor its group.',
      from: { path: `${api}/cases/([^/]+)/([^/]+)/` },
      to: { path: `${api}/cases/$1/`, pathNot: `${api}/cases/$1/$2/` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|coverage|\\.turbo|\\.tools|\\.data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'apps/api/tsconfig.json' },
    combinedDependencies: false,
    reporterOptions: { text: { highlightFocused: true } },
  },
};
