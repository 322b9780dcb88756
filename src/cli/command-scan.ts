import pLimit from 'p-limit';
import { ExitCode } from '../errors.js';
import { discoverInputs } from '../ingest/discover.js';
import { parseFile, type FileResult } from '../ingest/index.js';
import { describeConversation } from './conversation-line.js';
import type { CliIo } from './io.js';

export interface ScanOptions {
  quiet: boolean;
  concurrency: number;
}

/**
 * `chatleak scan <inputs...>`. Until detectors and reports exist (issues 3-5) it parses every input
 * and prints what it found per conversation.
 */
export async function runScan(inputs: string[], options: ScanOptions, io: CliIo): Promise<number> {
  const { files, errors } = await discoverInputs(inputs);
  for (const error of errors) io.stderr.write(`chatleak: ${error.format()}\n`);
  const limit = pLimit(Math.max(1, options.concurrency));
  const results: FileResult[] = await Promise.all(
    files.map((path) => limit(() => parseFile(path, () => undefined))),
  );
  let conversations = 0;
  let messages = 0;
  let failed = errors.length;
  for (const result of results) {
    for (const conversation of result.conversations) {
      conversations++;
      messages += conversation.coverage.messages;
      if (!options.quiet) io.stdout.write(`${describeConversation(conversation)}\n`);
    }
    for (const error of result.errors) io.stderr.write(`chatleak: ${error.format()}\n`);
    failed += result.errors.length;
  }
  if (files.length === 0 && errors.length === 0) {
    io.stderr.write('chatleak: no chat exports found in the given inputs\n');
    return ExitCode.Fatal;
  }
  if (!options.quiet) {
    io.stderr.write(
      `chatleak: ${files.length} files, ${conversations} conversations, ${messages} messages` +
        (failed > 0 ? `, ${failed} inputs failed` : '') +
        '\n',
    );
  }
  return failed > 0 ? ExitCode.Fatal : ExitCode.Clean;
}
