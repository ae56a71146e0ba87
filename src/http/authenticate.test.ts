import { describe, expect, it } from 'vitest';
import { createTestApp } from './testHarness.ts';

describe('authenticate', () => {
  it('answers a bad API token with "invalid token", and no credential with "log in first"', async () => {
    const test = await createTestApp();
    const wrong = await test.app.request('/api/documents', { headers: { authorization: 'Bearer gk_wrong' } });
    expect(wrong.status).toBe(401);
    const body = (await wrong.json()) as { error: { code: string; message: string; details: { reason?: string } } };
    expect(body.error.message).toMatch(/^invalid token/);
    expect(body.error.details.reason).toBe('invalid-token');
    // Even where anonymous callers may download, a wrong credential is reported, not ignored.
    const admin = await test.login('admin', 'admin-password-1');
    await admin.json('/api/settings', { publicDownloads: true }, 'PUT');
    expect((await test.app.request('/api/export?shape=dictionary', { headers: { authorization: 'Bearer gk_wrong' } })).status).toBe(401);
    expect((await test.app.request('/api/export?shape=dictionary')).status).toBe(200);
    const anonymous = (await (await test.app.request('/api/documents')).json()) as { error: { message: string } };
    expect(anonymous.error.message).toMatch(/^log in first/);
  });
});
