import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './paths.js';

export type WorkLanguage = 'de' | 'en' | 'zh';
export type WorkLabel = 'work' | 'private';

export const WORK_LANGUAGES: readonly WorkLanguage[] = ['de', 'en', 'zh'];

/** One labelled message of the work corpus (`data/work-corpus/*.jsonl`). */
export interface CorpusMessage {
  lang: WorkLanguage;
  label: WorkLabel;
  text: string;
}

export type CorpusPart = 'train' | 'heldout';

/** Parses a corpus file: one `{"lang","label","text"}` object per non-empty line. */
export function parseCorpus(raw: string, source = 'corpus'): CorpusMessage[] {
  const messages: CorpusMessage[] = [];
  raw.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${source}:${i + 1}`;
    const value = JSON.parse(line) as Partial<CorpusMessage>;
    if (value.lang !== 'de' && value.lang !== 'en' && value.lang !== 'zh') {
      throw new Error(`${where}: lang must be de, en or zh`);
    }
    if (value.label !== 'work' && value.label !== 'private') {
      throw new Error(`${where}: label must be work or private`);
    }
    if (typeof value.text !== 'string' || value.text.trim() === '') {
      throw new Error(`${where}: text must be a non-empty string`);
    }
    messages.push({ lang: value.lang, label: value.label, text: value.text });
  });
  return messages;
}

export function corpusPath(part: CorpusPart, root = packageRoot()): string {
  return join(root, 'data', 'work-corpus', `${part}.jsonl`);
}

export function readCorpus(part: CorpusPart, root = packageRoot()): CorpusMessage[] {
  const path = corpusPath(part, root);
  return parseCorpus(readFileSync(path, 'utf8'), path);
}
