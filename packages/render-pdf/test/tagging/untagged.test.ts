// With the engine on, a document without `tagged: true` is drawn exactly as pdfmake draws it alone.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { unmarkedDrawing } from './content.ts';
import { renderDoc, syntheticDoc } from './synthetic.ts';

const untagged = () => ({ ...syntheticDoc(), tagged: false });

it('leaves documents without tagged: true byte for byte as pdfmake alone draws them', async () => {
  const withEngine = Buffer.from(await renderDoc(untagged(), true));
  // pdfmake alone: a process where the engine was never enabled.
  const synthetic = fileURLToPath(new URL('./synthetic.ts', import.meta.url));
  const script = `
    const { renderDoc, syntheticDoc } = await import(${JSON.stringify(synthetic)});
    const bytes = await renderDoc({ ...syntheticDoc(), tagged: false }, false);
    process.stdout.write(Buffer.from(bytes).toString('base64'));`;
  const tsx = createRequire(import.meta.url).resolve('tsx');
  const alone = Buffer.from(
    execFileSync(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
    'base64',
  );
  expect(alone.length).toBeGreaterThan(10_000);
  expect(withEngine.equals(alone)).toBe(true);
  // …and it is untagged: pdfmake writes an empty structure tree only for tagged: true, and everything is
  // drawn outside marked content (which shows that the check engine.test.ts makes of the tagged one can fail).
  expect(withEngine.toString('latin1')).not.toContain('/StructTreeRoot');
  expect([...new Set(unmarkedDrawing(withEngine).map((u) => u.operator))]).toEqual(expect.arrayContaining(['TJ', 'S', 'f', 'Do']));
}, 60_000);
