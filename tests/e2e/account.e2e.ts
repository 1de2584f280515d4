import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkPage, expectNoSeriousA11yIssues, expectPath, expectTitle, launchBrowser, openSession, passphrase, signIn, uniqueEmail, url } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function registerStudent(page: Page, name: string, email: string, password: string): Promise<void> {
  await page.goto(url('/register'));
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  // Students start in their network; these journeys are about the account page.
  await expectPath(page, '/network');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
  await expectPath(page, '/account');
}

describe('a student and their account', () => {
  test('registers, renames, signs out and back in, and sees the new name', async () => {
    const session = await openSession(browser);
    const { page } = session;
    const email = uniqueEmail('student');
    const password = passphrase();

    // An app page while signed out leads to sign-in, remembering where it was going. The page is served
    // with the strict policy, so the CSP watcher below really checks something.
    const response = await page.goto(url('/account'));
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response?.headers()['content-security-policy']).toContain("style-src 'self'");
    await expectPath(page, '/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/account');
    await expectTitle(page, 'Sign in · Rapport');
    await expectNoSeriousA11yIssues(page, 'sign-in');

    // A wrong password is explained without blaming anyone.
    await signIn(page, 'nobody@example.edu', 'not the right one at all');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('That email and password do not match');

    await page.getByRole('link', { name: 'Create an account' }).click();
    await expectPath(page, '/register');
    await expectTitle(page, 'Create your account · Rapport');
    await expect.poll(() => page.getByText('At least 8 characters; a short phrase works well.').isVisible()).toBe(true);

    // The form checks as you go: a short password says what to do, next to the field.
    await page.getByLabel('Your name').fill('Sam Rivera');
    await page.getByLabel('Email').fill(email);
    const passwordInput = page.getByLabel('Password', { exact: true });
    await passwordInput.fill('short');
    await expect.poll(() => page.getByText('3 more characters to go.').isVisible()).toBe(true);
    await passwordInput.blur();
    await expect.poll(() => page.getByText('Use at least 8 characters; a short phrase works well.').isVisible()).toBe(true);
    await expect.poll(() => passwordInput.getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousA11yIssues(page, 'register with an error');

    await passwordInput.fill(password);
    await expect.poll(() => passwordInput.getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('button', { name: 'Create account' }).click();

    // A new student lands on their account, straight from the "next" of the first visit.
    await expectPath(page, '/account');
    await expectTitle(page, 'Account · Rapport');
    const banner = page.getByRole('banner');
    await expect.poll(() => banner.getByText('Sam Rivera').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('main').getByText(email).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('main').getByText('Student', { exact: true }).isVisible()).toBe(true);

    // Only what exists for a student: their network, appointments and account, no Office.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link').allTextContents()).resolves.toEqual(['Network', 'Appointments', 'Account']);
    await expectNoSeriousA11yIssues(page, 'account');

    if (process.env.RAPPORT_SCREENSHOTS) {
      mkdirSync('docs/screenshots', { recursive: true });
      await page.screenshot({ path: 'docs/screenshots/account.png' });
    }

    await page.getByLabel('Name', { exact: true }).fill('Sam Rivera-Lopez');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByText('Your name is saved.').waitFor();
    await expect.poll(() => banner.getByText('Sam Rivera-Lopez').isVisible()).toBe(true);

    // Signing out of other devices says how many there were.
    await page.getByRole('button', { name: 'Sign out of other devices' }).click();
    await page.getByText('You were not signed in anywhere else').waitFor();

    await banner.getByRole('button', { name: 'Sign out' }).click();
    await expectPath(page, '/sign-in');
    await page.getByText('You are signed out.').waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBeNull();

    // The session is gone on the server too: app pages send us back to sign in.
    await page.goto(url('/account'));
    await expectPath(page, '/sign-in');

    await signIn(page, email, password);
    await expectPath(page, '/account');
    await expect.poll(() => page.getByLabel('Name', { exact: true }).inputValue()).toBe('Sam Rivera-Lopez');
    await expect.poll(() => banner.getByText('Sam Rivera-Lopez').isVisible()).toBe(true);

    // The first Tab of a fresh page offers the skip link, which lands in the main content.
    await page.goto(url('/account'));
    await page.getByRole('heading', { name: 'Account', level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');

    // Dark mode (from the system setting) keeps its contrast.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoSeriousA11yIssues(page, 'account (dark)');
    await page.emulateMedia({ colorScheme: 'light' });

    await page.getByRole('main').getByRole('button', { name: 'Sign out of this device' }).click();
    await expectPath(page, '/sign-in');
    await session.close();
  });

  test('changing the password checks the current one and then works for the next sign-in', async () => {
    const session = await openSession(browser);
    const { page } = session;
    const email = uniqueEmail('changer');
    const first = passphrase();
    const second = passphrase();
    await registerStudent(page, 'Noor Haddad', email, first);

    const panel = page.getByRole('region', { name: 'Password' });
    await panel.getByLabel('Current password', { exact: true }).fill('this is not my password');
    await panel.getByLabel('New password', { exact: true }).fill(second);
    await panel.getByRole('button', { name: 'Change password' }).click();
    await panel.getByText('Your current password is not right.').waitFor();
    await expect.poll(() => panel.getByLabel('Current password', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    await panel.getByLabel('Current password', { exact: true }).fill(first);
    await panel.getByRole('button', { name: 'Change password' }).click();
    await panel.getByText('Your password is changed.').waitFor();

    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await expectPath(page, '/sign-in');
    await signIn(page, email, second);
    await expectPath(page, '/network');
    await session.close();
  });

  test('a student sets, changes and clears the program advisors see, with errors beside the field', async () => {
    const session = await openSession(browser);
    const { page } = session;
    await registerStudent(page, 'Jonas Becker', uniqueEmail('program'), passphrase());

    const form = page.getByRole('form', { name: 'Program' });
    const field = form.getByLabel('Program (optional)');
    await expect.poll(() => field.inputValue()).toBe('');
    // Why it is asked, beside the field and read with it.
    const hint = 'Advisors see it next to your name when you book time with them';
    await expect.poll(() => form.getByText(hint).isVisible()).toBe(true);
    await expect.poll(() => form.getByRole('button', { name: 'Clear program' }).count()).toBe(0);
    const describedBy = async () =>
      page.evaluate((ids) => ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' | '), (await field.getAttribute('aria-describedby')) ?? '');

    // Too long: said when the field is left, and again as you type, until it fits.
    await field.fill(`BA Economics with a minor in ${'very '.repeat(20)}long words`);
    await field.blur();
    await form.getByText('Use at most 120 characters; this has 139.').waitFor();
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    await expect(describedBy()).resolves.toContain(hint);
    await expect(describedBy()).resolves.toContain('Use at most 120 characters; this has 139.');
    await checkPage(page, 'account: program too long');
    await field.fill('BA Economics, class of 2027');
    await expect.poll(() => field.getAttribute('aria-invalid')).toBeNull();
    await form.getByRole('button', { name: 'Save program' }).click();
    await page.getByText('Your program is saved. Advisors will see “BA Economics, class of 2027” next to your name.').waitFor();

    // Kept by the server: still there after a reload, and clearable.
    await page.reload();
    await expect.poll(() => field.inputValue()).toBe('BA Economics, class of 2027');

    // A refusal from the server lands on the field too (here a rule the page does not know about yet).
    let refused = false;
    await page.route('**/api/v1/me', async (route) => {
      if (refused || route.request().method() !== 'PATCH') return route.fallback();
      refused = true;
      return route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: 'Check the highlighted fields.', issues: [{ path: 'program', message: 'Name the programme as the registry does.' }] } }),
      });
    });
    await field.fill('Econ 27');
    await form.getByRole('button', { name: 'Save program' }).click();
    await form.getByText('Name the programme as the registry does.').waitFor();
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    await expect(describedBy()).resolves.toContain('Name the programme as the registry does.');
    await expect.poll(() => field.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.unroute('**/api/v1/me');

    // Changing it again works, and clearing leaves the cursor in the empty field.
    await field.fill('BSc Data Science, class of 2028');
    await expect.poll(() => field.getAttribute('aria-invalid')).toBeNull();
    await form.getByRole('button', { name: 'Save program' }).click();
    await page.getByText('Advisors will see “BSc Data Science, class of 2028” next to your name.').waitFor();
    await form.getByRole('button', { name: 'Clear program' }).click();
    await page.getByText('Your program is cleared. Advisors will see only your name.').waitFor();
    await expect.poll(() => field.inputValue()).toBe('');
    await expect.poll(() => field.evaluate((element) => element === document.activeElement)).toBe(true);
    await expect.poll(() => form.getByRole('button', { name: 'Clear program' }).count()).toBe(0);
    await page.reload();
    await expect.poll(() => field.inputValue()).toBe('');
    await checkPage(page, 'account: program cleared');
    await session.close();
  });

  test('forgot-password always answers the same, and a bad reset link explains itself', async () => {
    const session = await openSession(browser);
    const { page } = session;

    await page.goto(url('/sign-in'));
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expectPath(page, '/forgot-password');
    await expectTitle(page, 'Reset your password · Rapport');
    await expectNoSeriousA11yIssues(page, 'forgot-password');

    await page.getByLabel('Email').fill('someone-unknown@example.edu');
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByText('If an account exists for that email, we sent a link').waitFor();
    await expectNoSeriousA11yIssues(page, 'forgot-password (sent)');

    await page.goto(url('/reset-password#token=this-link-was-never-sent-by-rapport-0000'));
    await expectTitle(page, 'Choose a new password · Rapport');
    // The token leaves the address bar at once.
    await page.waitForFunction(() => window.location.hash === '');
    expect(page.url()).toBe(url('/reset-password'));
    await expectNoSeriousA11yIssues(page, 'reset-password');

    await page.getByLabel('New password', { exact: true }).fill(passphrase());
    await page.getByRole('button', { name: 'Save new password' }).click();
    await page.getByText('This reset link no longer works').waitFor();
    const again = page.getByRole('link', { name: 'Ask for a new link' });
    await expect.poll(() => again.getAttribute('href')).toBe('/forgot-password');
    await expectNoSeriousA11yIssues(page, 'reset-password (invalid link)');

    // Unknown addresses get a page that says so, with a way back.
    await page.goto(url('/no-such-page'));
    await page.getByRole('heading', { name: 'We can’t find that page' }).waitFor();
    await expectTitle(page, 'Page not found · Rapport');
    await expectNoSeriousA11yIssues(page, '404');
    await session.close();
  });

  test('on a phone the navigation is a bottom bar and nothing overflows sideways', async () => {
    const session = await openSession(browser, { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const { page } = session;
    const noSidewaysScroll = () => page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth);

    await page.goto(url('/sign-in'));
    await expect(noSidewaysScroll()).resolves.toBeLessThanOrEqual(375);
    await expectNoSeriousA11yIssues(page, 'sign-in (phone)');

    await registerStudent(page, 'Alexandria Montgomery-Okonkwo', uniqueEmail('phone'), passphrase());
    await expect(noSidewaysScroll()).resolves.toBeLessThanOrEqual(375);

    const nav = page.getByRole('navigation', { name: 'Main' });
    const box = await nav.boundingBox();
    expect(box).not.toBeNull();
    if (box) {
      // Pinned to the bottom edge, full width, and not taller than a bar.
      expect(Math.round(box.y + box.height)).toBe(812);
      expect(box.width).toBeGreaterThanOrEqual(370);
      expect(box.height).toBeLessThanOrEqual(90);
    }
    const links = await nav.getByRole('link').all();
    expect(links.length).toBeGreaterThan(0);
    expect(links.length).toBeLessThanOrEqual(5);
    for (const link of links) {
      const target = await link.boundingBox();
      expect(target?.height ?? 0).toBeGreaterThanOrEqual(44);
    }
    // The last control of the page can be scrolled clear of the bar.
    await page.getByRole('button', { name: 'Sign out of this device' }).scrollIntoViewIfNeeded();
    const last = await page.getByRole('button', { name: 'Sign out of this device' }).boundingBox();
    expect((last?.y ?? 0) + (last?.height ?? 0)).toBeLessThanOrEqual(box?.y ?? 0);
    await expectNoSeriousA11yIssues(page, 'account (phone)');

    await page.goto(url('/forgot-password'));
    await expect(noSidewaysScroll()).resolves.toBeLessThanOrEqual(375);
    await session.close();
  });
});
