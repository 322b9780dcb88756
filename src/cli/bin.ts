import { run } from './program.js';

// The only module that touches `process`: everything else is testable in-process.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // `chatleak parse … | head` closes the pipe early; that is not an error worth a stack trace.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: Boolean(process.stderr.isTTY),
});
process.exitCode = exitCode;
