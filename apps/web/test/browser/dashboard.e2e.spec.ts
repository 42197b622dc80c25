import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { form, graphql, palette, seriousViolations, signedIn } from './pages.ts';
import { logins, startStack } from './stack.ts';
import type { Stack } from './stack.ts';

const PATIENT = 'Zelda Quinton-Park';

const submit = async (page: Page, label: string) => {
  const dialog = form(page);
  await dialog.getByRole('button', { name: label, exact: true }).click();
  try {
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
  } catch {
    throw new Error(`"${label}" was not recorded; the form says: ${await dialog.innerText()}`);
  }
};

const fill = async (page: Page, fields: Record<string, string>) => {
  const dialog = form(page);
  for (const [label, value] of Object.entries(fields)) {
    const field = dialog.getByLabel(label, { exact: true });
    await field.fill(value);
    // Seen once in about six runs: a value filled in the dialog's first moments is lost when a live
    // update re-renders the page (the field is empty again, the dialog still open). Fill it again
    // rather than fail; the value must then stay.
    await new Promise((resolve) => setTimeout(resolve, 200));
    if ((await field.inputValue()) !== value) {
      await field.fill(value);
    }
    await until(() => field.inputValue(), value);
  }
};

/** Waits until `read` gives `expected` (the page updates on its own: live data, refetches). */
const until = async <T>(read: () => Promise<T>, expected: T, timeoutMs = 15_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (last !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  expect(last).toBe(expected);
};

const expectNoSeriousViolations = async (page: Page, where: string) => {
  expect({ where, violations: await seriousViolations(page) }).toEqual({ where, violations: [] });
};

describe('the dashboard in a real browser', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ cases: 160 });
  }, 180_000);
  afterAll(() => stack?.stop());

  it('walks a case from opening to decision with forms and the palette, live in a supervisor’s caseload', async () => {
    const signIn = await (await stack.browser.newContext()).newPage();
    await signIn.goto(`${stack.url}/`);
    await signIn.getByRole('button', { name: 'Sign in' }).waitFor();
    await expectNoSeriousViolations(signIn, 'sign-in');

    const watcher = await signedIn(stack.browser, stack.url, logins.supervisor);
    await watcher.getByLabel('Search').fill(PATIENT);
    await watcher.getByText('No cases in this view').waitFor();

    const page = await signedIn(stack.browser, stack.url, logins.manager);
    await page.getByRole('heading', { name: 'My caseload' }).waitFor();
    await expectNoSeriousViolations(page, 'caseload');

    await palette(page, 'Open a case');
    await fill(page, {
      Name: PATIENT,
      Condition: 'Glioblastoma',
      Diagnosis: 'Glioblastoma, IDH wild-type, right temporal lobe',
      'Recommended treatment': 'Resection then radiotherapy with temozolomide',
      Clinician: 'Dr. Helen Greer',
      Specialty: 'Neurosurgery',
      Institution: 'Riverside General Hospital',
    });
    await submit(page, 'Open the case');
    await page.getByRole('heading', { name: PATIENT }).waitFor();

    // The supervisor's caseload shows the new case without a reload.
    await watcher.getByRole('link', { name: PATIENT }).waitFor({ timeout: 15_000 });

    await palette(page, 'Request an opinion');
    await fill(page, {
      Expert: 'Dr. Amara Okafor',
      Specialty: 'Neuro-oncology',
      Institution: 'Memorial Cancer Center',
    });
    await submit(page, 'Request an opinion');
    await page.getByRole('heading', { name: 'Opinion 2: Dr. Amara Okafor' }).waitFor();

    await palette(page, 'Request records');
    await fill(page, { Description: 'Brain MRI, original images', 'Held by': 'Riverside Imaging' });
    await submit(page, 'Request records');
    await palette(page, 'Mark records sent');
    await submit(page, 'Mark records sent');
    await palette(page, 'Mark records received');
    await submit(page, 'Mark records received');
    await page.getByRole('table', { name: 'Records checklist' }).getByText('Received', { exact: true }).waitFor();

    await palette(page, 'Record a received opinion');
    await fill(page, {
      Diagnosis: 'Anaplastic astrocytoma, IDH mutant',
      'Recommended treatment': 'Resection then radiotherapy',
    });
    await form(page).getByLabel('Changes the diagnosis').check();
    await submit(page, 'Record a received opinion');
    // The disagreement raises a conflict by itself, a moment later: a form opened before it landed
    // would be refused as out of date (CONFLICT), as it should. Wait for it, as a person would see it.
    const conflicts = page.getByRole('region', { name: 'Conflicts' });
    await conflicts.getByRole('button', { name: 'Resolve' }).first().waitFor({ timeout: 15_000 });

    await palette(page, 'Request an opinion');
    await fill(page, {
      Expert: 'Dr. Lukas Berg',
      Specialty: 'Neuropathology',
      Institution: 'Karolinska University Hospital',
    });
    await submit(page, 'Request an opinion');
    await palette(page, 'Record a received opinion');
    await fill(page, { Diagnosis: 'Diffuse midline glioma', 'Recommended treatment': 'Radiotherapy alone' });
    await form(page).getByLabel('Changes the diagnosis').check();
    await form(page).getByLabel('Changes the treatment').check();
    await submit(page, 'Record a received opinion');

    // The second disagreement raises more conflicts; the page shows them live, then settles.
    const openConflicts = () => conflicts.getByRole('button', { name: 'Resolve' }).count();
    await until(async () => (await openConflicts()) > 1, true);
    for (let last = -1, now = await openConflicts(); now !== last; last = now, now = await openConflicts()) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    const matrix = page.getByRole('table', { name: 'Opinions side by side' });
    expect(await matrix.getByRole('columnheader').allTextContents()).toEqual([
      'Aspect',
      'Original opinion',
      'Opinion 2',
      'Opinion 3',
    ]);
    expect(await matrix.locator('ins').count()).toBeGreaterThan(0);
    await expectNoSeriousViolations(page, 'case page');

    for (let open = await openConflicts(); open > 0; open -= 1) {
      await palette(page, 'Resolve a conflict');
      await fill(page, { 'The outcome, in words': 'The tumour board met and agreed on a re-biopsy' });
      await submit(page, 'Resolve a conflict');
      await until(openConflicts, open - 1);
    }

    await palette(page, "Record the patient's decision");
    await fill(page, {
      'Option chosen': 'Re-biopsy before any treatment',
      "Why, in the patient's own words": 'I want to be sure what it is before anyone operates.',
    });
    await submit(page, "Record the patient's decision");
    await page.getByText('“I want to be sure what it is before anyone operates.”', { exact: true }).waitFor();
    await page.getByText('Decided', { exact: true }).first().waitFor();
  });

  it('shows an auditor every page without a single action, and the access log of who read what', async () => {
    const page = await signedIn(stack.browser, stack.url, logins.auditor);
    await expectNoSeriousViolations(page, 'caseload as auditor');
    expect(await page.getByRole('button', { name: 'Open a case' }).count()).toBe(0);
    await page.getByLabel('Search').fill(PATIENT);
    await page.getByRole('link', { name: PATIENT }).click();
    await page.getByRole('heading', { name: PATIENT }).waitFor();
    await page.getByRole('region', { name: 'Who read this case' }).getByText('Ana Ruiz').first().waitFor();
    await page
      .getByRole('region', { name: 'Integrity of the record' })
      .getByText(/^History intact: all \d+ events match/)
      .waitFor();
    for (const action of ['Add a note', "Record the patient's decision", 'Close the case', 'Resolve']) {
      expect({ action, shown: await page.getByRole('button', { name: action, exact: true }).count() }).toEqual({
        action,
        shown: 0,
      });
    }
    await page.keyboard.press('Control+k');
    await page.getByRole('textbox', { name: 'Search actions' }).waitFor();
    expect(await page.getByText('This case', { exact: true }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await expectNoSeriousViolations(page, 'case page as auditor');

    await page.getByRole('link', { name: 'Access log' }).click();
    await page.getByRole('table', { name: 'Access log entries' }).getByText('Ana Ruiz').first().waitFor();
    await expectNoSeriousViolations(page, 'access log');
    await page.getByRole('link', { name: 'Outcomes' }).click();
    await page.getByText('Diagnosis changed').first().waitFor();
    await expectNoSeriousViolations(page, 'outcomes');
  });

  it('loads the caseload in under 350 KB of gzipped JavaScript and reports how fast 50 rows render', async () => {
    const page = await signedIn(stack.browser, stack.url, logins.supervisor);
    await until(() => page.locator('[data-case-link]').count(), 50);
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.endsWith('.js'))
        .map((entry) => new URL(entry.name).pathname),
    );
    const dist = join(__dirname, '..', '..', 'dist');
    const sizes = await Promise.all(scripts.map(async (path) => gzipSync(await readFile(join(dist, path))).length));
    const total = sizes.reduce((sum, size) => sum + size, 0);
    const renders = await page.evaluate(() =>
      performance.getEntriesByName('caseload-render').map((entry) => entry.duration),
    );
    console.log(
      `caseload first load: ${scripts.length} scripts, ${(total / 1024).toFixed(1)} KB gzip; ` +
        `50 rows rendered ${renders.map((ms) => `${ms.toFixed(1)} ms`).join(', ')} after their data arrived`,
    );
    expect(scripts.some((path) => path.includes('RatesChart'))).toBe(false);
    expect(total).toBeLessThan(350 * 1024);
    expect(renders.length).toBeGreaterThan(0);
  });

  it('lets a supervisor reassign selected cases in bulk, each with the version they saw', async () => {
    const page = await signedIn(stack.browser, stack.url, logins.supervisor);
    await page.getByRole('tab', { name: /Overdue/ }).click();
    const rows = page.locator('[data-case-link]');
    await rows.first().waitFor();
    // Patients can share a name: rows are told apart by their case link.
    const chosen = [await rows.nth(0).getAttribute('href'), await rows.nth(1).getAttribute('href')];
    const rowOf = (href: string | null) => page.getByRole('row').filter({ has: page.locator(`a[href="${href}"]`) });
    for (const href of chosen) {
      await rowOf(href).getByRole('checkbox').check();
    }
    const bar = page.getByRole('region', { name: 'Bulk reassignment' });
    await bar.getByText('2 selected').waitFor();
    await bar.getByLabel('Reassign to').click();
    await page.getByRole('option', { name: 'Dev Sharma' }).click();
    await bar.getByRole('button', { name: 'Reassign 2 cases' }).click();
    await page.getByText(/\d of \d cases reassigned/).waitFor();
    for (const href of chosen) {
      await rowOf(href).getByText('Dev Sharma').waitFor();
    }
  });

  it("lets a supervisor erase a closed case's patient data, after which every page says so and offers nothing", async () => {
    const page = await signedIn(stack.browser, stack.url, logins.supervisor);
    const closed = await graphql<{ cases: { edges: { node: { id: string; patientName: string } }[] } }>(
      stack.url,
      logins.supervisor,
      '{ cases(first: 1, filter: { status: [CLOSED] }) { edges { node { id patientName } } } }',
    );
    const { id, patientName } = closed.cases.edges[0]!.node;
    await page.goto(`${stack.url}/cases/${id}`);
    try {
      await page.getByRole('heading', { name: patientName, level: 1 }).waitFor();
    } catch (error) {
      // Seen once in CI under load: say what the page showed instead.
      throw new Error(
        `the case page of ${patientName} did not show; it read: ${(await page.innerText('body')).slice(0, 500)}`,
        {
          cause: error,
        },
      );
    }
    await palette(page, "Erase the patient's data");
    await form(page).getByText('This cannot be undone').waitFor();
    await expectNoSeriousViolations(page, 'erasure form');
    await fill(page, { 'Request reference (optional)': 'REQ-2291' });
    await submit(page, "Erase the patient's data");

    await page.getByRole('heading', { name: 'Patient data erased', level: 1 }).waitFor();
    await page.getByText("The patient's data was erased").waitFor();
    expect(await page.getByText(patientName).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add a note' }).count()).toBe(0);
    await expectNoSeriousViolations(page, 'erased case page');
  });

  it('lets a supervisor create an account, and disabling it ends that person’s session at once', async () => {
    const page = await signedIn(stack.browser, stack.url, logins.supervisor);
    await page.getByRole('link', { name: 'Accounts' }).click();
    await page.getByRole('table', { name: 'Accounts' }).waitFor();
    await expectNoSeriousViolations(page, 'accounts');
    await page.getByRole('button', { name: 'Create an account' }).click();
    await fill(page, { Name: 'Nora Lind', Email: 'nora@demo.clinic' });
    await form(page).getByRole('button', { name: 'Create the account' }).click();
    const password = (await page.getByLabel('Temporary password', { exact: true }).innerText()).trim();
    await page.getByRole('dialog', { name: 'Temporary password for Nora Lind' }).waitFor();
    expect(password.length).toBeGreaterThanOrEqual(20);
    await page.getByRole('button', { name: 'Done' }).click();

    const nora = await (await stack.browser.newContext()).newPage();
    await nora.goto(`${stack.url}/`);
    await nora.getByLabel('Email').fill('nora@demo.clinic');
    await nora.getByRole('textbox', { name: 'Password' }).fill(password);
    await nora.getByRole('button', { name: 'Sign in' }).click();
    await nora.getByRole('heading', { name: 'My caseload' }).waitFor();

    await page.getByRole('button', { name: 'Disable Nora Lind' }).click();
    await page.getByRole('button', { name: 'Enable Nora Lind' }).waitFor();
    // Nora's next request is refused: the dashboard takes her to sign-in, saying her session ended.
    await nora.getByRole('link', { name: 'Outcomes' }).click();
    await nora.getByText('Your session has ended').waitFor();
  });

  it('signs out on the server: the token the browser held no longer opens anything', async () => {
    const page = await signedIn(stack.browser, stack.url, logins.manager);
    const token = await page.evaluate(
      () => (JSON.parse(sessionStorage.getItem('sot.session') ?? '{}') as { token?: string }).token,
    );
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const reused = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    const answer = (await reused.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('works the caseload from the keyboard: / to search, j and k to move, Enter to open', async () => {
    const page = await signedIn(stack.browser, stack.url, logins.manager);
    const links = page.locator('[data-case-link]');
    await links.first().waitFor();
    const second = await links.nth(1).innerText();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(second);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: second }).waitFor();
    await page.goBack();
    await links.first().waitFor();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('placeholder'))).toBe('Search patients');
  });
});
