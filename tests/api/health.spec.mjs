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
    expect(await response.text()).toMatch(/"\/assets\/boot\.[0-9a-f]{12}\.js"/);
    const csp = response.headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
  }
});

const IMMUTABLE = 'public, max-age=31536000, immutable';

test('assets have content-hashed names and are cached for a year; the page itself is revalidated', async ({ request }) => {
  const page = await request.get('/');
  expect(page.headers()['cache-control']).toBe('no-cache');
  const html = await page.text();
  const assets = [...html.matchAll(/"(\/assets\/[^"]+)"/g)].map((match) => match[1]);
  expect(assets.map((path) => path.replace(/\.[0-9a-f]{12}\./, '.*.')).sort())
    .toEqual(['/assets/boot.*.js', '/assets/style.*.css']);
  const boot = await (await request.get(assets.find((path) => path.includes('boot')))).text();
  const loaders = [...boot.matchAll(/"(\/assets\/[a-z]+\.[0-9a-f]{12}\.js)"/g)].map((match) => match[1]);
  // One bundle per audience, each loader naming its own hashed wasm.
  expect(loaders.map((path) => path.replace(/\.[0-9a-f]{12}\./, '.*.')).sort())
    .toEqual(['/assets/admin.*.js', '/assets/breaches.*.js', '/assets/console.*.js', '/assets/portal.*.js', '/assets/reports.*.js']);
  for (const path of [...assets, ...loaders]) {
    const asset = await request.get(path);
    expect(asset.status(), path).toBe(200);
    expect(asset.headers()['cache-control'], path).toBe(IMMUTABLE);
    if (!loaders.includes(path)) continue;
    const [wasm] = (await asset.text()).match(/[a-z]+_bg\.[0-9a-f]{12}\.wasm/);
    const module = await request.get(`/assets/${wasm}`);
    expect(module.status(), wasm).toBe(200);
    expect(module.headers()['content-type']).toBe('application/wasm');
    expect(module.headers()['cache-control']).toBe(IMMUTABLE);
  }
});
