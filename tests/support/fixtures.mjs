// The `test` every spec uses: baseURL points at the shared server, and a browser test
// fails on any console error or uncaught exception unless it declares the ones it expects.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export { expect };

export const test = base.extend({
  baseURL: async ({}, use) => use(process.env.EDGEDESK_URL),
  expectedConsoleErrors: [[], { option: true }],
  page: async ({ page, expectedConsoleErrors }, use) => {
    const problems = [];
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (!expectedConsoleErrors.some((pattern) => pattern.test(text))) problems.push(`console: ${text}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    await use(page);
    expect(problems, 'browser console errors').toEqual([]);
  },
});

/** Waits for the WASM app to render, so assertions see the app and not the bare HTML. */
export async function openApp(page, path) {
  await page.goto(path);
  await expect(page.locator('header.app-header')).toBeVisible();
}

/** Runs axe-core on the current page and fails with the rule ids and targets it finds. */
export async function expectAccessible(page) {
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(violations, 'axe violations').toEqual([]);
}

export const DEMO_PASSWORD = 'demo-password';

/**
 * Signs a request context in as a demo account (`l1@example.com`, …). A page's
 * `page.request` shares the browser's cookies, so this also signs the page in.
 */
export async function signIn(request, email, origin = '') {
  const response = await request.post(`${origin}/api/auth/login`, { data: { email, password: DEMO_PASSWORD } });
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

/**
 * A browser of its own for `email`: two people are two browsers, not two tabs. Console
 * errors and uncaught exceptions are collected in `problems` for the test to check.
 */
export async function personPage(browser, email, { baseURL = process.env.EDGEDESK_URL, viewport = { width: 1366, height: 900 } } = {}) {
  const context = await browser.newContext({ baseURL, viewport });
  await signIn(context.request, email);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}

/** Signs in through the form, as a person would. */
export async function signInWithForm(page, email, password = DEMO_PASSWORD) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

let sequence = 0;
/** A valid report; unique text lets a test find its own ticket among others'. */
export function report(overrides = {}) {
  sequence += 1;
  const tag = `${process.pid}-${Date.now()}-${sequence}`;
  return {
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    title: `Printer jams ${tag}`,
    description: 'Paper jams on every second page.\nRestarting did not help.',
    ...overrides,
  };
}
