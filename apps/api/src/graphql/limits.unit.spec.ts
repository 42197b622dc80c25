import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { limitViolations, queryLimits } from './limits';

const schema = buildSchema(`
  type Query { cases(first: Int): [Case!]! case(id: ID!): Case }
  type Case { id: ID! requests: [Request!]! timeline(first: Int): [Entry!]! related: Case }
  type Request { requestId: ID! records: [Item!]! }
  type Item { itemId: ID! }
  type Entry { summary: String! }
`);
const MAX_DEPTH = 4;
const MAX_COST = 100;
const errorsOf = (query: string) =>
  validate(schema, parse(query), [...specifiedRules, queryLimits(MAX_DEPTH, MAX_COST)]).map((error) => error.message);

describe('query limits', () => {
  it('lets an ordinary query through', () => {
    // 1 (cases) + 10 × (1 id + 1 requests + 1 requestId + 1 records + 1 itemId) = 51
    expect(errorsOf('{ cases(first: 10) { id requests { requestId records { itemId } } } }')).toEqual([]);
  });

  it('refuses a query deeper than the limit, counting through fragments', () => {
    const query = `
      { case(id: "1") { ...deep } }
      fragment deep on Case { related { related { related { id } } } }`;
    expect(errorsOf(query)).toEqual(['Query depth 5 exceeds the limit of 4']);
  });

  it('multiplies what a paginated field selects by its page size', () => {
    // 1 (cases) + 50 × (1 id + 1 timeline + 1 × (1 summary)): page sizes are what make it expensive.
    expect(errorsOf('{ cases(first: 50) { id timeline(first: 1) { summary } } }')).toEqual([
      'Query cost 151 exceeds the limit of 100: ask for smaller pages',
    ]);
    expect(errorsOf('{ cases(first: 30) { id timeline(first: 1) { summary } } }')).toEqual([]);
  });

  it('counts every alias, so repeating a field does not escape the limit', () => {
    const aliases = Array.from({ length: 101 }, (_, index) => `a${index}: id`).join(' ');
    expect(errorsOf(`{ case(id: "1") { ${aliases} } }`)).toEqual([
      'Query cost 102 exceeds the limit of 100: ask for smaller pages',
    ]);
  });

  it('gives the same verdict outside Apollo, for subscriptions over WebSocket', () => {
    const query = '{ case(id: "1") { related { related { related { related { id } } } } } }';
    expect(limitViolations(parse(query), MAX_DEPTH, MAX_COST)).toEqual(errorsOf(query));
  });
});
