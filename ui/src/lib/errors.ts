import type { CommandError } from './bindings/CommandError';
import type { ErrorCode } from './bindings/ErrorCode';

const CODES: readonly ErrorCode[] = ['not_found', 'invalid_input', 'io', 'database', 'internal'];

/**
 * A failed backend call. It is both a real `Error` (stack traces, `instanceof`) and a
 * `CommandError`, so the UI can branch on `code` and never has to parse message strings.
 */
export class CommandFailure extends Error implements CommandError {
  readonly code: ErrorCode;
  /** The command that failed, e.g. `update_article`; useful in logs, not shown to users. */
  readonly command: string;

  constructor(command: string, error: CommandError) {
    super(error.message);
    this.name = 'CommandFailure';
    this.code = error.code;
    this.command = command;
  }
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (CODES as readonly string[]).includes(value);
}

/**
 * Turns whatever a rejected `invoke` gave us into a `CommandError`.
 * The backend rejects with `{ code, message }`; Tauri itself rejects with plain strings
 * (unknown command, missing permission), and outside the app `invoke` throws a TypeError.
 */
export function toCommandError(raw: unknown): CommandError {
  if (raw instanceof CommandFailure) return { code: raw.code, message: raw.message };
  if (raw !== null && typeof raw === 'object') {
    const record = raw as Record<string, unknown>;
    const message = typeof record.message === 'string' ? record.message : undefined;
    if (isErrorCode(record.code)) {
      return { code: record.code, message: message ?? record.code.replace('_', ' ') };
    }
    if (message !== undefined) return { code: 'internal', message };
  }
  if (typeof raw === 'string' && raw.trim() !== '') return { code: 'internal', message: raw };
  return { code: 'internal', message: 'Something went wrong, and the app gave no reason.' };
}

/** The message to show a person for any thrown value. */
export function errorMessage(raw: unknown): string {
  return toCommandError(raw).message;
}
