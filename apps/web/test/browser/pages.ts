import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './stack.ts';

/** A fresh browser context per person: no cookie, storage or cache shared. */
export const signedIn = async (
  browser: Browser,
  url: string,
  email: string,
  viewport = { width: 1440, height: 900 },
) => {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${url}/`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
};

/** Serious and critical accessibility violations on the page as it is now (axe-core, WCAG 2.1 AA). */
export const seriousViolations = async (page: Page) => {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    );
};

/** Runs an action from the Ctrl-K palette by its name. */
export const palette = async (page: Page, action: string) => {
  await page.keyboard.press('Control+k');
  const search = page.getByRole('textbox', { name: 'Search actions' });
  await search.fill(action);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: action }).waitFor();
};

/** The open form (the palette's own dialog has no name). */
export const form = (page: Page) => page.getByRole('dialog', { name: /\S/ });

/** Asks the api directly, signed in as `email`: for finding what a test needs, never for what it checks. */
export const graphql = async <T>(url: string, email: string, query: string): Promise<T> => {
  const post = async (body: unknown, token?: string) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  };
  const login = await post({
    query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    variables: { e: email, p: DEMO_PASSWORD },
  });
  const token = (login.data?.login as { token: string } | undefined)?.token;
  const answer = await post({ query }, token);
  if (answer.errors || !answer.data) {
    throw new Error(`GraphQL failed: ${JSON.stringify(answer.errors)}`);
  }
  return answer.data as T;
};
