// Workbench I in a real browser (Debian's headless Chromium) against the real app: the server with
// the built UI over the test Neo4j with the demo province loaded — started once for all the
// journeys, in the order a new user takes them: sign in, search, the profile, the penetration
// chart, the explorer. Each journey is its own module under workbench/ with its own browser; they
// share the app because starting it (Neo4j reset and the demo import) costs more than the journeys.

import { afterAll, beforeAll } from 'vitest';
import { startDemoApp, type DemoApp } from '../support/app.ts';
import { explorerJourney } from './workbench/explorer.journey.ts';
import { homeJourney } from './workbench/home.journey.ts';
import { penetrationJourney } from './workbench/penetration.journey.ts';
import { profileJourney } from './workbench/profile.journey.ts';
import { signInJourney } from './workbench/signIn.journey.ts';

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

signInJourney(demoApp);
homeJourney(demoApp);
profileJourney(demoApp);
penetrationJourney(demoApp);
explorerJourney(demoApp);
