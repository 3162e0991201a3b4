import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The core is pure (STYLE.md §2): it must run anywhere and be testable with literals.
// This is the boundary rule, enforced on every source file of the package.
const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const FORBIDDEN: [RegExp, string][] = [
  [/from\s+['"](node:)?(fs|fs\/promises|path|os|child_process|net|http|https)['"]/, 'file, OS or network I/O'],
  [/from\s+['"](pdfmake|handlebars|csv-parse|iconv-lite)['"]/, 'a renderer or ingest library'],
  [/\bprocess\./, 'process state (env, argv, cwd)'],
  [/\bDate\.now\(|new Date\(\)/, 'the wall clock'],
  [/\bconsole\./, 'console output'],
  [/\bMath\.random\(/, 'randomness'],
];

describe('core purity', () => {
  const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });
  for (const file of files) {
    it(`${file} does no I/O and reads no clock`, () => {
      const source = readFileSync(join(SRC, file), 'utf8');
      for (const [pattern, what] of FORBIDDEN) {
        expect(pattern.test(source), `${file} uses ${what}`).toBe(false);
      }
    });
  }
});
