import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type ConsoleMessage, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export function baseURL(): string {
  return inject('baseURL');
}

/** An absolute URL of a page of the app under test. */
export function url(path: string): string {
  return `${baseURL()}${path}`;
}

type Problem = { kind: 'csp' | 'pageerror' | 'console'; text: string };

// The API answers refusals with 4xx on purpose (401 before sign-in, 401 for a wrong password, 403 for a
// disabled account); Chromium logs each as "Failed to load resource". Anything else logged as an error is a defect.
function isExpectedApiRefusal(message: ConsoleMessage): boolean {
  const location = message.location().url;
  return /Failed to load resource: the server responded with a status of 4\d\d/.test(message.text()) && new URL(location, baseURL()).pathname.startsWith('/api/');
}

/**
 * Collects what must never happen on a page: Content-Security-Policy violations (reported by the page
 * and by Chromium's console), uncaught errors and console errors.
 */
export async function watchForProblems(page: Page): Promise<{ problems: Problem[]; expectClean: () => void }> {
  const problems: Problem[] = [];
  await page.exposeBinding('__rapportReportCsp', (_source, text: string) => {
    problems.push({ kind: 'csp', text });
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __rapportReportCsp?: (text: string) => void }).__rapportReportCsp;
      report?.(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`);
    });
  });
  page.on('pageerror', (error) => problems.push({ kind: 'pageerror', text: `${error.name}: ${error.message}` }));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/Content.Security.Policy/i.test(message.text())) problems.push({ kind: 'csp', text: message.text() });
    else if (!isExpectedApiRefusal(message)) problems.push({ kind: 'console', text: `${message.text()} (${message.location().url})` });
  });
  return {
    problems,
    expectClean: () => expect(problems, `problems on the page:\n${problems.map((p) => `${p.kind}: ${p.text}`).join('\n')}`).toEqual([]),
  };
}

export type Session = { context: BrowserContext; page: Page; expectClean: () => void; close: () => Promise<void> };

/** A fresh browser profile (its own cookies) with one watched page. */
export async function openSession(browser: Browser, options: BrowserContextOptions = {}): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const watcher = await watchForProblems(page);
  return {
    context,
    page,
    expectClean: watcher.expectClean,
    close: async () => {
      watcher.expectClean();
      await context.close();
    },
  };
}

/** Runs axe on the page as it is now and fails on any serious or critical violation, listing each. */
export async function expectNoSeriousA11yIssues(page: Page, label = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  if (serious.length > 0) {
    const report = serious
      .map((violation) => {
        const nodes = violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.replace(/\n/g, ' ') ?? ''}`).join('\n');
        return `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}`;
      })
      .join('\n');
    console.log(`Accessibility problems on ${label}:\n${report}`);
  }
  expect(serious.map((violation) => `${violation.id} (${violation.impact}): ${violation.help}`), `axe on ${label}`).toEqual([]);
}

/** axe in light and dark, then at phone width (375 px) with nothing scrolling sideways; back to a laptop after. */
export async function checkPage(page: Page, label: string): Promise<void> {
  await expectNoSeriousA11yIssues(page, label);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yIssues(page, `${label} (dark)`);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 375, height: 812 });
  // When the page scrolls sideways, name the widest culprits in the failure.
  const wide = await page.evaluate(() =>
    (document.scrollingElement ?? document.documentElement).scrollWidth <= 375
      ? []
      : [...document.querySelectorAll('main *, dialog *')].filter((el) => el.getBoundingClientRect().right > 376).slice(-5).map((el) => `${el.tagName}.${el.className}`),
  );
  expect(wide, `${label}: wider than the phone`).toEqual([]);
  await expect.poll(() => page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth)).toBeLessThanOrEqual(375);
  await expectNoSeriousA11yIssues(page, `${label} (phone)`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Runs `action` with Chromium's CPU throttled `rate` times (DevTools' CPU throttling), then back at full speed. */
export async function onSlowCpu<T>(page: Page, action: () => Promise<T>, rate = 20): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  try {
    return await action();
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }
}

/** Email addresses no other test run shares. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}.${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 7)}@example.edu`;
}

/** A password the server's policy accepts: long, and not on any list of common ones. */
export function passphrase(): string {
  return `violet ${Math.random().toString(36).slice(2, 8)} tram lantern`;
}

/** Fills the sign-in form and submits it (the page must be /sign-in). */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Waits until the app has moved to `path` (client-side navigation included). */
export async function expectPath(page: Page, path: string): Promise<void> {
  await page.waitForURL((current) => current.pathname === path, { timeout: 15_000 });
}

/** Waits for the tab title a page sets for itself ("Sign in · Rapport"). */
export async function expectTitle(page: Page, title: string): Promise<void> {
  await page.waitForFunction((expected) => document.title === expected, title, { timeout: 10_000 }).catch(async () => {
    expect(await page.title()).toBe(title);
  });
}

export type NewAccount = { email: string; name: string; role: 'student' | 'alumni' | 'advisor' | 'admin'; password: string };

/** Creates accounts through the API from a signed-in admin's page (same origin, same session cookie). */
export async function createAccounts(page: Page, accounts: NewAccount[]): Promise<void> {
  await page.evaluate(async (list) => {
    for (const account of list) {
      const response = await fetch('/api/v1/admin/users', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(account),
      });
      if (response.status !== 201) throw new Error(`create ${account.email}: ${response.status} ${await response.text()}`);
    }
  }, accounts);
}
