import { abortWrites } from '../report/write-atomic.js';
import { run } from './program.js';

// The only module that touches `process`: everything else is testable in-process.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // `chatleak parse … | head` closes the pipe early; that is not an error worth a stack trace.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// An interrupted run leaves finished reports and no half-written ones: reports are renamed into
// place only when complete, and temp files of writes in progress are removed here.
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    void abortWrites().then(() => {
      process.stderr.write(`chatleak: interrupted (${signal}); no partial reports were left\n`);
      process.exit(code);
    });
  });
}

const exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: Boolean(process.stderr.isTTY),
});
process.exitCode = exitCode;
