import { caseIdFromStream, caseStreamId } from '.';

describe('case streams', () => {
  const id = '0b8f6a3e-4c1d-4e5f-9a7b-1c2d3e4f5a6b';

  it('names a case stream from its id and back', () => {
    expect(caseStreamId(id.toUpperCase())).toBe(`case-${id}`);
    expect(caseIdFromStream(`case-${id}`)).toBe(id);
  });

  it('refuses what is not a case id', () => {
    expect(() => caseStreamId('case-1; DROP TABLE')).toThrow(/A case id is a UUID/);
    expect(caseIdFromStream('user-1')).toBeUndefined();
  });
});
