import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

describe('the domain package', () => {
  it('imports nothing but its own modules', () => {
    const sources = readdirSync(__dirname).filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'));
    expect(sources.length).toBeGreaterThan(10);
    const foreign = sources.flatMap((file) =>
      [...readFileSync(join(__dirname, file), 'utf8').matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)]
        .map((match) => match[1]!)
        .filter((specifier) => !specifier.startsWith('./'))
        .map((specifier) => `${file}: ${specifier}`),
    );
    expect(foreign).toEqual([]);
  });
});
