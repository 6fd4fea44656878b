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
