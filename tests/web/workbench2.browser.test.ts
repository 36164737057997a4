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
// After the others: its import raises 王建国's share of 汇金 to 90%, and after the retraction at its end
// the API still answers 90% (reproduced: the cases journey run after it drew 90.00% / 10.00%) — a
// defect under investigation (issue 15's note); the journeys that read 汇金's holders run before it.
reportsJourney(demoApp);
// Last: it maps a list-type spelling the other journeys' counts do not expect.
adminJourney(demoApp);
