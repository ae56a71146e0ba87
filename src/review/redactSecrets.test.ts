import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from './redactSecrets.ts';

describe('createRedactor', () => {
  it('removes configured secrets in every form they travel in, and secret-shaped strings', () => {
    const key = 'local-key/with+odd=chars';
    const redact = createRedactor([key, 'admin-password-1', undefined, 'abc']);
    const text = [
      `401 {"error":"invalid key ${key}"}`,
      `url ?key=${encodeURIComponent(key)}`,
      `basic ${Buffer.from(key).toString('base64')}`,
      'the password admin-password-1 was',
      'token gk_0123456789abcdefghijABCDEFGHIJ_-x and sk-proj-ABCDEFGHIJKLMNOPqrstuv',
      'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.x.y',
      'abc stays (too short to be a secret)',
    ].join('\n');
    const redacted = redact(text);
    for (const leaked of [key, encodeURIComponent(key), Buffer.from(key).toString('base64'), 'admin-password-1', 'gk_0123', 'sk-proj', 'eyJhbGci']) {
      expect(redacted).not.toContain(leaked);
    }
    expect(redacted).toContain(`Bearer ${REDACTED}`);
    expect(redacted).toContain('abc stays');
  });
});
