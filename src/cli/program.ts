import { availableParallelism } from 'node:os';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ExitCode, describeError } from '../errors.js';
import { VERSION } from '../version.js';
import { runParse } from './command-parse.js';
import { DEFAULT_OUT, parseReportFormats, runScan, type ScanOptions } from './command-scan.js';
import { REPORT_FORMATS } from '../report/write-reports.js';
import { SEVERITIES } from '../model/finding.js';
import type { CliIo } from './io.js';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

/** Runs the CLI in-process and returns the exit code; nothing here touches `process`. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  let exitCode: number = ExitCode.Clean;
  const program = new Command()
    .name('chatleak')
    .description('Finds data leaks in exported WhatsApp and WeChat chat histories.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });

  program
    .command('scan')
    .description('scan files, folders (recursively) and .zip exports')
    .argument('<inputs...>', 'WhatsApp .txt/.zip exports, WeChat CSVs, or folders holding them')
    .option('-q, --quiet', 'print nothing but errors', false)
    .option(
      '--concurrency <n>',
      'worker threads: files scanned at once, and the parts a large file is split into',
      positiveInt,
      availableParallelism(),
    )
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity')
        .choices(SEVERITIES)
        .default('high'),
    )
    .option('--reveal', 'show full values in the output (masked by default)', false)
    .option('-o, --out <dir>', 'folder for the reports', DEFAULT_OUT)
    .option(
      '--format <formats>',
      'report formats, comma-separated (summary.json is always written)',
      parseReportFormats,
      [...REPORT_FORMATS],
    )
    .option('--json', 'also print the run summary as JSON to stdout', false)
    .option(
      '--fail-on-incomplete',
      'exit 2 when anything was not examined (unparsed lines, skipped zip entries, failed inputs)',
      false,
    )
    .action(async (inputs: string[], options: ScanOptions, command: Command) => {
      // Without an explicit --concurrency, small runs stay in one thread (see `wantsWorkers`).
      const explicit = command.getOptionValueSource('concurrency') !== 'default';
      exitCode = await runScan(inputs, { ...options, concurrencyExplicit: explicit }, io);
    });

  program
    .command('parse')
    .description('print what the parser saw in an input')
    .argument('<input>', 'an export file, a zip, or a folder')
    .option('--jsonl', 'one JSON object per message (see docs/report-format.md)', false)
    .action(async (input: string, options: { jsonl: boolean }) => {
      exitCode = await runParse(input, options, io);
    });

  program
    .command('detectors')
    .description('list the detectors with id, category, type, severity and languages')
    .option('--json', 'print as JSON', false)
    .action(async (options: { json: boolean }) => {
      // Loaded here: a scan that hands files to worker threads never loads the detectors itself.
      const { runDetectors } = await import('./command-detectors.js');
      exitCode = runDetectors(options, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version requests also end up here, with exit code 0.
      return error.exitCode === 0 ? ExitCode.Clean : ExitCode.Fatal;
    }
    io.stderr.write(`chatleak: ${describeError(error)}\n`);
    return ExitCode.Fatal;
  }
  return exitCode;
}
