import { ExitCode } from '../errors.js';
import { discoverInputs } from '../ingest/discover.js';
import { parseFile } from '../ingest/index.js';
import { toJsonlRecord } from '../model/jsonl.js';
import { describeConversation } from './conversation-line.js';
import type { CliIo } from './io.js';
import { BufferedWriter } from './jsonl-writer.js';

export interface ParseOptions {
  jsonl: boolean;
}

/** `chatleak parse <input>`: shows what the parser saw, as JSONL records or a short description. */
export async function runParse(input: string, options: ParseOptions, io: CliIo): Promise<number> {
  const { files, errors } = await discoverInputs([input]);
  const writer = new BufferedWriter(io.stdout);
  let failed = errors.length > 0;
  for (const error of errors) io.stderr.write(`chatleak: ${error.format()}\n`);
  for (const path of files) {
    const result = await parseFile(
      path,
      options.jsonl
        ? (conversation, message) =>
            writer.line(JSON.stringify(toJsonlRecord(conversation.id, message)))
        : () => undefined,
      { beforeChunk: () => writer.ready() },
    );
    if (!options.jsonl) {
      for (const conversation of result.conversations) {
        writer.line(describeConversation(conversation));
      }
    }
    writer.flush();
    for (const error of result.errors) io.stderr.write(`chatleak: ${error.format()}\n`);
    if (result.errors.length > 0) failed = true;
  }
  writer.flush();
  if (files.length === 0 && errors.length === 0) {
    io.stderr.write(`chatleak: ${input}: no chat exports found\n`);
    failed = true;
  }
  return failed ? ExitCode.Fatal : ExitCode.Clean;
}
