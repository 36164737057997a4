import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startDemoApp, type DemoApp } from '../support/app.ts';
import { launchBrowser, signInToSearch } from '../support/browser.ts';

/**
 * GraphiQL is served from the package (no CDN), to signed-in users only, under a CSP that lets in
 * its one inline script by hash — and it works: its queries go through the session and the CSRF
 * header like the app's.
 */

let app: DemoApp;
let browser: Browser;

beforeAll(async () => {
  app = await startDemoApp();
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('GraphiQL', () => {
  it('sends a visitor without a session to sign in', async () => {
    const response = await fetch(`${app.url}graphiql`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
  });

  it('opens for a signed-in user without loading anything from elsewhere or breaking its CSP, and answers a query', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    const foreign: string[] = [];
    page.on('console', (m) => /Content Security Policy|Refused to/i.test(m.text()) && violations.push(m.text()));
    page.on('request', (r) => !r.url().startsWith(app.url) && !/^(data|blob):/.test(r.url()) && foreign.push(r.url()));
    await page.goto(app.url);
    await signInToSearch(page, await app.user('investigator'));
    await page.goto(`${app.url}graphiql`);
    await page.locator('.graphiql-container').first().waitFor({ timeout: 60_000 });
    // The default query asks who is signed in; run it with the toolbar's execute button.
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(async () => (await page.locator('.graphiql-response').innerText()).includes('test-investigator'), { timeout: 30_000 }).toBe(true);
    expect(violations).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  }, 180_000);
});
