import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { form, graphql, palette, signedIn } from './pages.ts';
import { logins, startStack } from './stack.ts';

/**
 * The README's screenshots, from demo data: `npm run screenshots -w apps/web` (after `npm run build`).
 * Same seed, same cases; dates move with the day it runs.
 */
const out = join(process.cwd(), '..', '..', 'docs', 'screenshots');

const shoot = async (page: Page, name: string, fullPage = false) => {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(out, `${name}.png`), fullPage });
  console.log(`  docs/screenshots/${name}.png`);
};

const main = async () => {
  await mkdir(out, { recursive: true });
  const stack = await startStack({ cases: 300 });
  try {
    const manager = await signedIn(stack.browser, stack.url, logins.manager);
    await manager.locator('[data-case-link]').first().waitFor();
    await shoot(manager, 'caseload');

    await manager.getByRole('tab', { name: /Open conflicts/ }).click();
    await manager.locator('[data-case-link]').first().click();
    await manager.getByRole('table', { name: 'Opinions side by side' }).waitFor();
    await shoot(manager, 'case-page', true);
    await manager.emulateMedia({ media: 'print' });
    await shoot(manager, 'print-summary');
    await manager.emulateMedia({ media: 'screen' });

    const supervisor = await signedIn(stack.browser, stack.url, logins.supervisor);
    await supervisor.getByRole('link', { name: 'Outcomes' }).click();
    await supervisor.getByText('Per case manager').waitFor();
    await shoot(supervisor, 'outcomes', true);
    await supervisor.getByRole('link', { name: 'Accounts' }).click();
    await supervisor.getByRole('table', { name: 'Accounts' }).waitFor();
    await shoot(supervisor, 'accounts');

    const closed = await graphql<{ cases: { edges: { node: { id: string } }[] } }>(
      stack.url,
      logins.supervisor,
      '{ cases(first: 1, filter: { status: [CLOSED] }) { edges { node { id } } } }',
    );
    await supervisor.goto(`${stack.url}/cases/${closed.cases.edges[0]!.node.id}`);
    await supervisor.getByLabel('Decision deadline').waitFor();
    await palette(supervisor, "Erase the patient's data");
    await shoot(supervisor, 'erase-dialog');
    await form(supervisor).getByRole('button', { name: "Erase the patient's data", exact: true }).click();
    await supervisor.getByRole('heading', { name: 'Patient data erased', level: 1 }).waitFor();
    await shoot(supervisor, 'erased-case', true);

    const auditor = await signedIn(stack.browser, stack.url, logins.auditor);
    await auditor.getByRole('link', { name: 'Access log' }).click();
    await auditor.getByRole('table', { name: 'Access log entries' }).locator('tbody tr').first().waitFor();
    await shoot(auditor, 'access-log');
  } finally {
    await stack.stop();
  }
};

await main();
