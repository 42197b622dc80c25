import { buildSchema, parse } from 'graphql';
import { limitViolations } from './limits';
import type { QueryLimits } from './limits';

const schema = buildSchema(`
  type Query { cases(first: Int = 50): [Case!]! case(id: ID!): Case }
  type Case { id: ID! requests: [Request!]! timeline(first: Int = 50): [Entry!]! related: Case }
  type Request { requestId: ID! records: [Item!]! }
  type Item { itemId: ID! }
  type Entry { summary: String! }
`);
const limits: QueryLimits = { maxDepth: 4, maxCost: 100, maxAliases: 5 };
const verdict = (query: string, variables: Record<string, unknown> = {}) =>
  limitViolations(schema, parse(query), variables, limits).map((error) => [error.message, error.extensions.code]);

describe('query limits', () => {
  it('lets an ordinary query through', () => {
    // 1 (cases) + 10 × (1 id + 1 requests + 1 requestId + 1 records + 1 itemId) = 51
    expect(verdict('{ cases(first: 10) { id requests { requestId records { itemId } } } }')).toEqual([]);
  });

  it('refuses a query deeper than the limit, counting through fragments', () => {
    const query = `
      { case(id: "1") { ...deep } }
      fragment deep on Case { related { related { related { related { id } } } } }`;
    expect(verdict(query)).toEqual([[expect.stringContaining('Query depth limit of 4 exceeded'), 'BAD_USER_INPUT']]);
  });

  it('multiplies what a paginated field selects by its page size', () => {
    expect(verdict('{ cases(first: 50) { id timeline(first: 1) { summary } } }')).toEqual([
      ['Query cost 151 exceeds the limit of 100: ask for smaller pages', 'BAD_USER_INPUT'],
    ]);
    expect(verdict('{ cases(first: 30) { id timeline(first: 1) { summary } } }')).toEqual([]);
  });

  it('counts a page size sent as a variable at its value, and a missing one at its default', () => {
    const query = 'query($n: Int) { cases(first: $n) { id timeline(first: 1) { summary } } }';
    expect(verdict(query, { n: 2 })).toEqual([]);
    expect(verdict(query, { n: 1_000 })).toEqual([
      ['Query cost 3001 exceeds the limit of 100: ask for smaller pages', 'BAD_USER_INPUT'],
    ]);
    // cases defaults to 50: 1 + 50 × (1 id + 1 + 50 × 1 summary) = 2601
    expect(verdict('{ cases { id timeline { summary } } }')).toEqual([
      ['Query cost 2601 exceeds the limit of 100: ask for smaller pages', 'BAD_USER_INPUT'],
    ]);
  });

  it('refuses more aliases than the limit, so a list cannot be asked for a thousand times', () => {
    const aliases = Array.from({ length: 6 }, (_, index) => `a${index}: cases(first: 1) { id }`).join(' ');
    expect(verdict(`{ ${aliases} }`)).toEqual([
      [expect.stringContaining('Aliases limit of 5 exceeded, found 6'), 'BAD_USER_INPUT'],
    ]);
  });

  it('counts the cost of the operation that runs, whatever else the document holds', () => {
    // Another operation in the document lacks its variable; the one named is costly all the same.
    const document = `
      query Cheap($x: Int!) { cases(first: $x) { id } }
      query Costly { a: cases(first: 50) { id timeline(first: 50) { summary } } }`;
    const verdicts = limitViolations(schema, parse(document), {}, limits, 'Costly').map((error) => error.message);
    expect(verdicts).toEqual([expect.stringMatching(/^Query cost \d+ exceeds the limit of 100/)]);
  });
});
