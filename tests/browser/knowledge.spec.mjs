// Earlier solutions in the browser: an agent turns a resolution into an article, and a
// customer writing a new report is offered it and reads it in the portal.
import { test, expect, openApp, expectAccessible, signIn, report } from '../support/fixtures.mjs';
import { createTicket, signedIn, step } from '../support/api.mjs';

test('a resolution becomes a published article that helps the next customer', async ({ page, browser, baseURL }) => {
  const marker = `tonerx${Date.now().toString(36)}`;
  const l2Api = await signedIn('l2@example.com');
  const ticket = await createTicket(l2Api, report({ title: `Streaks on every page ${marker}`, channel: 'phone' }));
  await step(l2Api, ticket.id, { action: 'resolve', version: 1, code: 'fixed', notes: `Replaced the ${marker} cartridge.` });

  const agentContext = await browser.newContext({ baseURL });
  const agent = await agentContext.newPage();
  await signIn(agent.request, 'l2@example.com');
  await openApp(agent, `/tickets/${ticket.id}`);
  const article = agent.getByRole('form', { name: 'Turn into an article' });
  await expect(article.getByLabel('Article title')).toHaveValue(`Streaks on every page ${marker}`);
  await expect(article.getByLabel('Article text')).toHaveValue(new RegExp(`Replaced the ${marker} cartridge.`));
  await article.getByLabel('Publish in the portal').check();
  await article.getByRole('button', { name: 'Save article' }).click();
  await expect(article.getByRole('status')).toContainText('Article saved');
  await expectAccessible(agent);
  // The agent polishes the article on its own page (a versioned save).
  await article.getByRole('link', { name: `Streaks on every page ${marker}` }).click();
  const editor = agent.getByRole('form', { name: 'Edit article' });
  await editor.getByLabel('Article text').fill(`Replaced the ${marker} cartridge.\nThen printed a test page.`);
  await editor.getByRole('button', { name: 'Save article' }).click();
  await expect(editor.getByRole('status')).toHaveText('Saved.');
  await expectAccessible(agent);
  await agentContext.close();

  // A customer starts a report about the same thing and is offered the article.
  await openApp(page, '/');
  await page.getByLabel('Short summary').fill(`streaks ${marker}`);
  const help = page.getByRole('region', { name: 'These articles may already help' });
  await expect(help).toContainText(`Streaks on every page ${marker}`);
  await expectAccessible(page);
  await help.getByRole('link', { name: `Streaks on every page ${marker}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Streaks on every page ${marker}` })).toBeVisible();
  await expect(page.getByText('Then printed a test page.')).toBeVisible();
  await expect(page.getByRole('form', { name: 'Edit article' })).toHaveCount(0);

  // The portal's article search finds it too.
  await page.getByRole('link', { name: 'Help articles' }).first().click();
  await page.getByLabel('Search the articles').fill(marker);
  await page.getByLabel('Search the articles').press('Enter');
  await expect(page.getByRole('link', { name: `Streaks on every page ${marker}` })).toBeVisible();
  await expectAccessible(page);
  await l2Api.dispose();
});
