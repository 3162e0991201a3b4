// The floor: csv-parse alone streaming the same files, doing nothing with the records.
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';

const dir = process.argv[2];
let records = 0;
for (const file of ['projects.csv', 'funding.csv', 'indicators.csv', 'assessments.csv']) {
  const parser = createReadStream(join(dir, file)).pipe(parse({ delimiter: ';', bom: true, relax_column_count: true }));
  for await (const _ of parser) records++;
}
process.stdout.write(`${records}\n`);
