import { test, expect } from '../support/fixtures.mjs';

test('health reports the version and that D1 answered', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toEqual({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/), d1: true });
});

test('API responses carry the security headers', async ({ request }) => {
  const headers = (await request.get('/api/health')).headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cache-control']).toBe('no-store');
});

test('the SPA is served with a CSP that allows only its own scripts and WebAssembly', async ({ request }) => {
  for (const path of ['/', '/console', '/tickets/1']) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('/boot.js');
    const csp = response.headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
  }
});
