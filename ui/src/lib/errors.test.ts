import { describe, expect, it } from 'vitest';
import { CommandFailure, errorMessage, toCommandError } from './errors';

describe('toCommandError', () => {
  it('keeps a backend error as it is', () => {
    expect(toCommandError({ code: 'invalid_input', message: 'published: not a date' })).toEqual({
      code: 'invalid_input',
      message: 'published: not a date',
    });
  });

  it('turns Tauri’s plain-string rejections into internal errors', () => {
    expect(toCommandError('command update_article not found')).toEqual({
      code: 'internal',
      message: 'command update_article not found',
    });
  });

  it('reads the message of thrown Errors and unknown codes', () => {
    expect(toCommandError(new TypeError('x is undefined'))).toEqual({ code: 'internal', message: 'x is undefined' });
    expect(toCommandError({ code: 'weird', message: 'm' })).toEqual({ code: 'internal', message: 'm' });
  });

  it('always has something to say', () => {
    expect(toCommandError(undefined).message).not.toBe('');
    expect(toCommandError({ code: 'not_found' })).toEqual({ code: 'not_found', message: 'not found' });
  });

  it('unwraps a CommandFailure', () => {
    const failure = new CommandFailure('open_session', { code: 'not_found', message: 'no session 7' });
    expect(failure).toBeInstanceOf(Error);
    expect(toCommandError(failure)).toEqual({ code: 'not_found', message: 'no session 7' });
    expect(errorMessage(failure)).toBe('no session 7');
  });
});
