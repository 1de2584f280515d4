import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createAccounts, expectNoSeriousA11yIssues, expectPath, expectTitle, launchBrowser, openSession, passphrase, signIn, uniqueEmail, url, type NewAccount, type Session } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Signs the admin in; from /sign-in they land on the user list, from a deep link they go back to it. */
async function signInAsAdmin(startAt = '/sign-in', options: Parameters<typeof openSession>[1] = {}): Promise<Session> {
  const session = await openSession(browser, options);
  await session.page.goto(url(startAt));
  await expectPath(session.page, '/sign-in');
  await signIn(session.page, inject('adminEmail'), inject('adminPassword'));
  await expectPath(session.page, startAt === '/sign-in' ? '/office/users' : startAt);
  return session;
}

describe('the office', () => {
  test('an admin adds an advisor, disables and enables the account', async () => {
    const admin = await signInAsAdmin();
    const { page } = admin;
    await expectTitle(page, 'Users · Rapport');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link').allTextContents()).resolves.toEqual(['Users', 'Reason codes', 'Policy', 'Outbox', 'Audit', 'Account']);
    await expect.poll(() => nav.getByText('Office').isVisible()).toBe(true);
    await expectNoSeriousA11yIssues(page, 'office users');

    // An admin cannot disable themselves, so the button is not offered on their own row.
    const ownRow = page.getByRole('row', { name: /\(you\)/ });
    await expect.poll(() => ownRow.getByRole('button').count()).toBe(0);

    // `?` lists the shortcuts, including what `n` does here.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    await expect.poll(() => help.textContent()).toContain('New: Add account');
    await expect.poll(() => help.textContent()).toContain('Search accounts');
    await expectNoSeriousA11yIssues(page, 'shortcut help');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    // `n` starts "Add account".
    await page.keyboard.press('n');
    const form = page.getByRole('dialog', { name: 'Add account' });
    await form.waitFor();
    const email = uniqueEmail('advisor');
    const password = passphrase();
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Name').fill('Priya Shah');
    await form.getByLabel('Role').selectOption('advisor');
    await form.getByLabel('Initial password', { exact: true }).fill('short');
    await form.getByRole('button', { name: 'Add account' }).click();
    await form.getByText('Use at least 8 characters').waitFor();
    await expectNoSeriousA11yIssues(page, 'add account (with an error)');
    await form.getByLabel('Initial password', { exact: true }).fill(password);
    await form.getByRole('button', { name: 'Add account' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByText('Added Priya Shah as advisor.').waitFor();

    // `/` jumps to the search box; the list narrows to the new account.
    await page.getByRole('heading', { name: 'Users', level: 1 }).focus();
    await page.keyboard.press('/');
    const search = page.getByLabel('Search by name or email');
    await expect.poll(() => search.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type(email);
    const row = page.getByRole('row', { name: /Priya Shah/ });
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
    await expect.poll(() => row.getByText(email).isVisible()).toBe(true);
    await expect.poll(() => row.getByText('Advisor', { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => row.getByText('Active', { exact: true }).isVisible()).toBe(true);

    // Disabling names the person and says what happens.
    await row.getByRole('button', { name: 'Disable Priya Shah' }).click();
    const confirm = page.getByRole('dialog', { name: 'Disable Priya Shah?' });
    await confirm.waitFor();
    await expect.poll(() => confirm.textContent()).toContain('They will be signed out everywhere');
    await expectNoSeriousA11yIssues(page, 'disable confirmation');
    await confirm.getByRole('button', { name: 'Disable account' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await row.getByText('Disabled', { exact: true }).waitFor();

    // The advisor cannot sign in while disabled, and is told why.
    const advisor = await openSession(browser);
    await advisor.page.goto(url('/sign-in'));
    await signIn(advisor.page, email, password);
    await advisor.page.getByRole('alert').getByText('This account is disabled').waitFor();

    await row.getByRole('button', { name: 'Enable Priya Shah' }).click();
    await row.getByText('Active', { exact: true }).waitFor();
    await page.getByText('Priya Shah can sign in again.').waitFor();

    await signIn(advisor.page, email, password);
    await expectPath(advisor.page, '/agenda');
    await advisor.page.getByRole('heading', { name: 'Agenda', level: 1 }).waitFor();
    await expect(advisor.page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).resolves.toEqual(['Agenda', 'Availability', 'Account']);

    // Office pages do not exist for an advisor.
    await advisor.page.goto(url('/office/users'));
    await advisor.page.getByRole('heading', { name: 'We can’t find that page' }).waitFor();
    await advisor.close();
    await admin.close();
  });

  test('a password reset arrives in the outbox and its link sets a new password', async () => {
    // Signed out, the outbox address leads to sign-in and back to the outbox.
    const admin = await signInAsAdmin('/office/outbox');
    const email = uniqueEmail('alum');
    const oldPassword = passphrase();
    await createAccounts(admin.page, [{ email, name: 'Tomás Ferreira', role: 'alumni', password: oldPassword }]);

    const person = await openSession(browser);
    await person.page.goto(url('/forgot-password'));
    await person.page.getByLabel('Email').fill(email);
    await person.page.getByRole('button', { name: 'Send me a link' }).click();
    await person.page.getByText('If an account exists for that email, we sent a link').waitFor();

    const { page } = admin;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await expectPath(page, '/office/users');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
    await expectPath(page, '/office/outbox');
    await expectTitle(page, 'Outbox · Rapport');
    await page.getByText('No SMTP server is set: messages are kept here').waitFor();
    const row = page.getByRole('row').filter({ hasText: email });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('Password reset');
    await expectNoSeriousA11yIssues(page, 'outbox');

    await row.getByRole('button', { name: 'Reset your Rapport password' }).click();
    const message = page.getByRole('dialog', { name: 'Reset your Rapport password' });
    await message.waitFor();
    const text = (await message.getByTestId('mail-text').textContent()) ?? '';
    expect(text).toContain('Hello Tomás Ferreira');
    await expectNoSeriousA11yIssues(page, 'outbox message');
    const link = /http:\/\/\S+\/reset-password#token=[\w-]+/.exec(text)?.[0];
    expect(link, 'a reset link in the message').toBeDefined();
    await page.keyboard.press('Escape');
    await message.waitFor({ state: 'hidden' });

    if (!link) return;
    const newPassword = passphrase();
    await person.page.goto(link);
    await person.page.waitForFunction(() => window.location.hash === '');
    await person.page.getByLabel('New password', { exact: true }).fill(newPassword);
    await person.page.getByRole('button', { name: 'Save new password' }).click();
    await expectPath(person.page, '/sign-in');
    await person.page.getByText('Your new password is saved.').waitFor();

    await signIn(person.page, email, oldPassword);
    await person.page.getByRole('alert').getByText('That email and password do not match').waitFor();
    await signIn(person.page, email, newPassword);
    // Alumni start in their network.
    await expectPath(person.page, '/network');

    // The link works once.
    await person.page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await expectPath(person.page, '/sign-in');
    await person.page.goto(link);
    await person.page.getByLabel('New password', { exact: true }).fill(passphrase());
    await person.page.getByRole('button', { name: 'Save new password' }).click();
    await person.page.getByText('This reset link no longer works').waitFor();
    await person.close();
    await admin.close();
  });

  test('on a phone the admin’s bar holds five targets: four pages and “More” with the rest (UX.md)', async () => {
    const admin = await signInAsAdmin('/sign-in', { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const { page } = admin;
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Users' }).waitFor();
    await expect(nav.getByRole('link').allTextContents()).resolves.toEqual(['Users', 'Reason codes', 'Policy', 'Outbox']);
    const more = nav.getByRole('button', { name: 'More' });
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('false');
    for (const target of [...(await nav.getByRole('link').all()), more]) expect((await target.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);

    await more.click();
    const panel = nav.getByRole('list', { name: 'More' });
    await expect(panel.getByRole('link').allTextContents()).resolves.toEqual(['Audit', 'Account']);
    await expectNoSeriousA11yIssues(page, 'phone: More open');
    // Escape closes it and gives the cursor back to the button.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    await expect.poll(() => more.evaluate((element) => element === document.activeElement)).toBe(true);
    // A page under More: it closes on the way, and the button shows that the page is one of its own.
    await more.click();
    await panel.getByRole('link', { name: 'Audit' }).click();
    await expectPath(page, '/office/audit');
    await panel.waitFor({ state: 'hidden' });
    await expect.poll(() => more.getAttribute('data-current')).toBe('true');
    // A tap elsewhere closes it too.
    await more.click();
    await page.getByRole('heading', { level: 1 }).click();
    await panel.waitFor({ state: 'hidden' });
    await admin.close();
  });

  test('the list filters by role and pages with "Show more"', async () => {
    const admin = await signInAsAdmin();
    const { page } = admin;
    const first = ['Amara', 'Jonas', 'Mei', 'Diego', 'Hana', 'Leila', 'Oscar', 'Zanele', 'Ravi'];
    const last = ['Okafor', 'Weber', 'Lin', 'Alvarez', 'Sato', 'Haddad', 'Nilsson', 'Dlamini', 'Iyer'];
    const roles = ['student', 'student', 'alumni', 'advisor', 'student', 'alumni', 'student', 'advisor', 'student'] as const;
    // 27 different people: every first name meets three different family names.
    const accounts: NewAccount[] = Array.from({ length: 27 }, (_, index) => {
      const given = first[index % first.length] ?? 'Sam';
      const family = last[(index + 3 * Math.floor(index / first.length)) % last.length] ?? 'Doe';
      return {
        name: `${given} ${family}`,
        email: uniqueEmail(`${given}.${family}`.toLowerCase()),
        role: roles[index % roles.length] ?? 'student',
        password: passphrase(),
      };
    });
    await createAccounts(page, accounts);
    await page.reload();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();

    const rows = page.locator('tbody tr');
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 25);
    await page.getByText('Showing 25 accounts; there are more.').waitFor();
    await page.getByRole('button', { name: 'Show more' }).click();
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length > 25);
    expect(await rows.count()).toBeGreaterThan(25);

    await page.getByRole('group', { name: 'Show role' }).getByRole('button', { name: 'Advisors' }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('tbody tr')].every((row) => row.textContent?.includes('Advisor')));
    await expect.poll(() => page.getByRole('button', { name: 'Advisors' }).getAttribute('aria-pressed')).toBe('true');

    await page.getByLabel('Search by name or email').fill('no-such-person-anywhere');
    await page.getByText('No accounts match', { exact: true }).waitFor();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'No accounts match “no-such-person-anywhere”.' }).count()).toBe(1);
    await expectNoSeriousA11yIssues(page, 'users (no match)');
    await page.getByRole('button', { name: 'Clear search and filter' }).click();
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 25);

    if (process.env.RAPPORT_SCREENSHOTS) {
      mkdirSync('docs/screenshots', { recursive: true });
      await page.screenshot({ path: 'docs/screenshots/office-users.png' });
    }

    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoSeriousA11yIssues(page, 'users (dark)');
    await page.emulateMedia({ colorScheme: 'light' });

    // At phone width the table becomes cards and nothing scrolls sideways.
    await page.setViewportSize({ width: 375, height: 812 });
    await expect.poll(() => page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoSeriousA11yIssues(page, 'users (phone)');
    await admin.close();
  });
});
