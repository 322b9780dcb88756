/**
 * User-facing errors. They print as one line naming the file (and line); no stack trace.
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'InputError';
  }

  /** `file:line: message`, the one line a user sees. */
  format(): string {
    const where = this.file ? `${this.file}${this.line ? `:${this.line}` : ''}: ` : '';
    return `${where}${this.message}`;
  }
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const ExitCode = { Clean: 0, Findings: 1, Fatal: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Formats any thrown value as one line, without leaking a stack to the user. */
export function describeError(error: unknown): string {
  if (error instanceof InputError) return error.format();
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
