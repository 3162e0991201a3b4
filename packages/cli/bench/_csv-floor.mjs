// The floor: csv-parse alone streaming the same files, doing nothing with the records. It runs as
// ingest runs csv-parse (the same options, records taken from 'data' events, which is faster than
// `for await`), so the ratio to it is the cost of everything ekoraportti does beyond parsing.
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';

const dir = process.argv[2];
let records = 0;
for (const file of ['projects.csv', 'funding.csv', 'indicators.csv', 'assessments.csv']) {
  await new Promise((resolve, reject) => {
    const parser = parse({
      delimiter: ';',
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: 1_000_000,
    });
    parser.on('data', () => records++);
    parser.on('end', resolve);
    parser.on('error', reject);
    createReadStream(join(dir, file)).on('error', reject).pipe(parser);
  });
}
process.stdout.write(`${records}\n`);
