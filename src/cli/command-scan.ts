import pLimit from 'p-limit';
import { detectors } from '../../detectors/index.js';
import { ExitCode } from '../errors.js';
import { discoverInputs } from '../ingest/discover.js';
import type { Severity } from '../model/finding.js';
import { countBy, scanFile, severityRank, type ScannedFile } from '../scan.js';
import { describeConversation } from './conversation-line.js';
import type { CliIo } from './io.js';

export interface ScanOptions {
  quiet: boolean;
  concurrency: number;
  failOn: Severity;
  reveal: boolean;
}

/**
 * `chatleak scan <inputs...>`. Until the JSON and PDF reports exist it prints, per conversation,
 * what was parsed and a masked count of the findings.
 */
export async function runScan(inputs: string[], options: ScanOptions, io: CliIo): Promise<number> {
  const { files, errors } = await discoverInputs(inputs);
  for (const error of errors) io.stderr.write(`chatleak: ${error.format()}\n`);
  const limit = pLimit(Math.max(1, options.concurrency));
  const results: ScannedFile[] = await Promise.all(
    files.map((path) => limit(() => scanFile(path, detectors, { reveal: options.reveal }))),
  );
  let conversations = 0;
  let messages = 0;
  let findings = 0;
  let atOrAbove = 0;
  let failed = errors.length;
  for (const result of results) {
    for (const { conversation, findings: found } of result.conversations) {
      conversations++;
      messages += conversation.coverage.messages;
      findings += found.length;
      atOrAbove += found.filter(
        (f) => severityRank(f.severity) >= severityRank(options.failOn),
      ).length;
      if (options.quiet) continue;
      const byType = Object.entries(countBy(found, (f) => `${f.category}/${f.type}`))
        .map(([type, n]) => `${type} ${n}`)
        .join(', ');
      io.stdout.write(
        `${describeConversation(conversation)}\n  findings: ${found.length}${byType ? ` (${byType})` : ''}\n`,
      );
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
      `chatleak: ${files.length} files, ${conversations} conversations, ${messages} messages, ${findings} findings` +
        (failed > 0 ? `, ${failed} inputs failed` : '') +
        '\n',
    );
  }
  if (failed > 0) return ExitCode.Fatal;
  return atOrAbove > 0 ? ExitCode.Findings : ExitCode.Clean;
}
