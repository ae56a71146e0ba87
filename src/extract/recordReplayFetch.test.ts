import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingFetch, createReplayFetch, hashRequest } from './recordReplayFetch.ts';

const directories: string[] = [];
afterEach(async () => {
  for (const directory of directories.splice(0)) await rm(directory, { recursive: true, force: true });
});

describe('record and replay', () => {
  it('hashes a request by endpoint and body, not by base URL or key order', () => {
    const a = hashRequest('https://api.openai.com/v1/chat/completions', '{"model":"m","messages":[{"role":"user","content":"x"}]}');
    const b = hashRequest('http://localhost:11434/v1/chat/completions', '{"messages":[{"content":"x","role":"user"}],"model":"m"}');
    expect(a.hash).toBe(b.hash);
    expect(a.endpoint).toBe('chat/completions');
    expect(hashRequest('https://x/v1/chat/completions', '{"model":"n"}').hash).not.toBe(a.hash);
  });

  it('records successful responses and replays them without the network; a miss is a typed 400', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'gongkai-replay-'));
    directories.push(directory);
    let served = 0;
    const upstream = async () => {
      served++;
      return new Response(JSON.stringify({ id: 'real', choices: [] }), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const body = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: '三' }] });
    const recording = createRecordingFetch(directory, upstream);
    expect(await (await recording('https://api.example/v1/chat/completions', { method: 'POST', body })).json()).toEqual({ id: 'real', choices: [] });
    expect(await readdir(directory)).toHaveLength(1);

    const misses: string[] = [];
    const replay = createReplayFetch(directory, { onMiss: (hash) => misses.push(hash) });
    const replayed = await replay('http://elsewhere/v1/chat/completions', { method: 'POST', body });
    expect(await replayed.json()).toEqual({ id: 'real', choices: [] });
    expect(served).toBe(1);

    const missed = await replay('http://elsewhere/v1/chat/completions', { method: 'POST', body: '{"model":"other"}' });
    expect(missed.status).toBe(400);
    expect(missed.headers.get('x-gongkai-replay')).toBe('missing');
    expect(misses).toHaveLength(1);
  });
});
