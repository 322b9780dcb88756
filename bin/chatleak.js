#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm ci` through `prepare`).
import('../dist/src/cli/bin.js').catch((error) => {
  process.stderr.write(`chatleak: cannot start (${String(error)}); run "npm ci" first\n`);
  process.exit(2);
});
