import { expect, it } from 'vitest';
import { buildPdfDoc } from '../src/index.ts';
import { buildFixture } from './fixture.ts';

/** Every table in the document definition, wherever it is nested. */
function tables(node: unknown, out: { body: unknown[][] }[] = []): { body: unknown[][] }[] {
  if (Array.isArray(node)) for (const n of node) tables(n, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.table && typeof o.table === 'object') out.push(o.table as { body: unknown[][] });
    for (const v of Object.values(o)) tables(v, out);
  }
  return out;
}

it('lists the first 200 of 1 000 rejected rows and says where all of them are', () => {
  const model = buildFixture({ rejected: 1000 });
  const doc = buildPdfDoc(model);
  const json = JSON.stringify(doc.content);
  expect(json).toContain('Hylätyt rivit (1 000)');
  expect(json).toContain('Näytetään ensimmäiset 200 / 1 000. Kaikki hylätyt rivit syineen ovat tiedostossa rejected.csv.');
  const lines = model.rejected.map((r) => String(r.line));
  const rejectedTable = tables(doc.content).find((t) => JSON.stringify(t.body).includes(`"${lines[0]}"`) && JSON.stringify(t.body).includes('E_'));
  expect(rejectedTable).toBeDefined();
  const text = JSON.stringify(rejectedTable?.body);
  expect(text).toContain(`"${lines[199]}"`);
  expect(text).not.toContain(`"${lines[200]}"`);
});
