// Workbench II in a real browser (Debian's headless Chromium) against the real app: the server with
// the built UI over the test Neo4j with the demo province loaded — started once for all the
// journeys: analyses, imports, reports and watches, cases, administration. Each journey is its own
// module under workbench2/ with its own browser and names of its own, so none depends on another.

import { afterAll, beforeAll } from 'vitest';
import { startDemoApp, type DemoApp } from '../support/app.ts';
import { adminJourney } from './workbench2/admin.journey.ts';
import { analysesJourney } from './workbench2/analyses.journey.ts';
import { casesJourney } from './workbench2/cases.journey.ts';
import { importsJourney } from './workbench2/imports.journey.ts';
import { reportsJourney } from './workbench2/reports.journey.ts';

let app: DemoApp | undefined;

beforeAll(async () => {
  app = await startDemoApp();
});
afterAll(async () => {
  await app?.stop();
});

function demoApp(): DemoApp {
  if (!app) throw new Error('the demo app did not start');
  return app;
}

casesJourney(demoApp);
importsJourney(demoApp);
analysesJourney(demoApp);
// After the journeys that read 汇金's holders: its import raises 王建国's share to 90% until the
// retraction at its end brings 80% back (tests/importers/runs.test.ts), and a journey failing
// half-way would leave 90% behind.
reportsJourney(demoApp);
// Last: it maps a list-type spelling the other journeys' counts do not expect.
adminJourney(demoApp);
