import { detectors } from '../../detectors/index.js';
import { ExitCode } from '../errors.js';
import type { CliIo } from './io.js';

/** `chatleak detectors`: id, category, type, severity and languages of every detector. */
export function runDetectors(options: { json: boolean }, io: CliIo): number {
  const rows = detectors.map((d) => ({
    id: d.id,
    category: d.category,
    type: d.type,
    severity: d.severity,
    languages: [...d.languages],
    description: d.description,
  }));
  if (options.json) {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return ExitCode.Clean;
  }
  const width = Math.max(...rows.map((r) => r.id.length), 2);
  io.stdout.write(
    `${'id'.padEnd(width)}  ${'category'.padEnd(10)}  ${'severity'.padEnd(8)}  languages\n`,
  );
  for (const row of rows) {
    io.stdout.write(
      `${row.id.padEnd(width)}  ${row.category.padEnd(10)}  ${row.severity.padEnd(8)}  ${row.languages.join(',')}\n`,
    );
  }
  return ExitCode.Clean;
}
