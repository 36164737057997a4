import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { TEST_PASSWORD } from './server.ts';

/** Where browser tests keep their screenshots: test artifacts, looked at by people, never compared. */
export const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.test-data', 'screenshots');

/** Headless Chromium from Debian's package, as the browser tests drive it. */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Collects a page's script errors and Content-Security-Policy refusals: a test expects both lists empty. */
export function watchPage(page: Page, pageErrors: string[], cspViolations: string[]): void {
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
}

/** Fills the sign-in form (the page or the overlay) as a user would and submits it. */
export async function submitSignIn(page: Page, name: string | null, password = TEST_PASSWORD): Promise<void> {
  if (name !== null) await page.getByTestId('sign-in-name').fill(name);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
}

/** Signs in through the form and waits for the account menu in the header: any role, any address. */
export async function signInToApp(page: Page, name: string, password = TEST_PASSWORD): Promise<void> {
  await submitSignIn(page, name, password);
  await page.getByTestId('account-menu').waitFor();
}

/** Signs in through the form and waits for the search box: the home screen of investigators and regulators. */
export async function signInToSearch(page: Page, name: string, password = TEST_PASSWORD): Promise<void> {
  await submitSignIn(page, name, password);
  await page.getByTestId('search-input').waitFor();
}
