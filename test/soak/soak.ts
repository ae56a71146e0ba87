import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedBytes, seedNames } from '../../src/http/testHarness.ts';
import { createFileStore } from '../../src/store/createFileStore.ts';
import { verifyStore } from '../../src/store/verifyStore.ts';
import { seededRandom, type SeededRandom } from '../support/seededRandom.ts';

/** How a soak run is bounded and shaped. */
export interface SoakOptions {
  readonly seed: number;
  /** Kill -9 / restart cycles. */
  readonly rounds: number;
  /** Each round's load runs for a random time in [minRunMs, maxRunMs] before the kill. */
  readonly minRunMs: number;
  readonly maxRunMs: number;
  readonly submitters: number;
  readonly reviewers: number;
  /** No new round starts after this many milliseconds (the run stops by itself). */
  readonly deadlineMs: number;
  readonly log?: (line: string) => void;
}

/** What a soak run did and found. */
export interface SoakReport {
  readonly seed: number;
  readonly rounds: number;
  readonly kills: number;
  readonly submissionsAcknowledged: number;
  readonly decisionsAcknowledged: number;
  readonly rejectionsAcknowledged: number;
  readonly requestsFailedByKill: number;
  readonly conflicts: number;
  /** What opening the store repaired after the kills (summed over rounds). */
  readonly repairedIndexEntries: number;
  readonly removedTemporaryFiles: number;
  readonly removedOrphanBlobs: number;
  /** Acknowledged writes missing after a restart (must be empty). */
  readonly lost: readonly string[];
  /** verifyStore problems after any round or the final clean stop (must be empty). */
  readonly storeProblems: readonly string[];
  readonly documentsAtEnd: number;
  readonly seconds: number;
}

const ADMIN_PASSWORD = 'soak-admin-password';
const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

interface RunningServer {
  readonly child: ChildProcess;
  readonly url: string;
  readonly exited: Promise<number | null>;
}

/** Starts `src/main.ts serve` as its own process (one process: node with the tsx loader) on a free loopback port. */
async function startServerProcess(directory: string): Promise<RunningServer> {
  const environment: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !key.startsWith('OPENAI_') && !key.startsWith('GONGKAI_')) environment[key] = value;
  Object.assign(environment, {
    GONGKAI_DATA_DIR: directory,
    GONGKAI_HOST: '127.0.0.1',
    GONGKAI_PORT: '0',
    GONGKAI_ADMIN_PASSWORD: ADMIN_PASSWORD,
    GONGKAI_EXTRACTION_CONCURRENCY: '2',
    GONGKAI_MAX_DOCUMENT_BYTES: '1000000',
  });
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], { cwd: repositoryRoot, env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`soak: the server did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s/]+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`soak: the server exited (${code}) before listening:\n${output}`));
    });
  });
  child.stdout!.resume();
  child.stderr!.resume();
  return { child, url, exited };
}

interface AcknowledgedDecision {
  readonly documentId: string;
  readonly decisionId: string;
  readonly version: number;
  readonly rejected: boolean;
}

/**
 * The fault-injection soak: a real server process on loopback, concurrent submissions (API token) and decisions
 * (a reviewer session), `kill -9` at a seeded random moment, then the store is opened (which recovers it) and
 * checked: every acknowledged submission and decision is there, a rejected document is listed as rejected, and
 * verifyStore finds the index equal to the documents, no temp file, no orphan blob. After the last round the
 * server is started once more and stopped cleanly, and the store checked again. Bounded by rounds and a
 * deadline; the data directory is a temp directory removed at the end.
 */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const random = seededRandom(options.seed);
  const directory = await mkdtemp(join(tmpdir(), 'gongkai-soak-'));
  const submissions = new Set<string>();
  const decisions: AcknowledgedDecision[] = [];
  const lost: string[] = [];
  const storeProblems: string[] = [];
  let kills = 0;
  let rounds = 0;
  let requestsFailedByKill = 0;
  let conflicts = 0;
  let repairedIndexEntries = 0;
  let removedTemporaryFiles = 0;
  let removedOrphanBlobs = 0;
  let counter = 0;
  let token: string | undefined;
  let server: RunningServer | undefined;

  const checkStore = async (when: string) => {
    const lines: string[] = [];
    const store = await createFileStore(directory, { log: (line) => lines.push(line) });
    for (const line of lines) {
      repairedIndexEntries += Number(/(\d+) index entr/.exec(line)?.[1] ?? 0);
      removedTemporaryFiles += Number(/(\d+) temp file/.exec(line)?.[1] ?? 0);
      removedOrphanBlobs += Number(/(\d+) blob\(s\)/.exec(line)?.[1] ?? 0);
    }
    try {
      for (const id of submissions) if (!(await store.findDocument(id))) lost.push(`${when}: acknowledged submission ${id} is missing`);
      for (const decision of decisions) {
        const document = await store.readDocument(decision.documentId);
        const summary = await store.findDocument(decision.documentId);
        if (!document || !document.decisions.some((entry) => entry.id === decision.decisionId)) lost.push(`${when}: acknowledged decision ${decision.decisionId} on ${decision.documentId} is missing`);
        else if (document.version < decision.version) lost.push(`${when}: ${decision.documentId} is at version ${document.version}, below the acknowledged ${decision.version}`);
        if (decision.rejected && summary?.state !== 'rejected') lost.push(`${when}: rejected ${decision.documentId} is listed as ${summary?.state}`);
      }
    } finally {
      await store.close();
    }
    const verification = await verifyStore(directory);
    storeProblems.push(...verification.problems.map((problem) => `${when}: ${problem}`));
    return verification;
  };

  try {
    for (let round = 0; round < options.rounds && Date.now() - started < options.deadlineMs; round++) {
      rounds++;
      server = await startServerProcess(directory);
      const base = server.url;
      const loggedIn = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
      if (loggedIn.status !== 200) throw new Error(`soak: login failed with ${loggedIn.status}`);
      const { csrfToken } = (await loggedIn.json()) as { csrfToken: string };
      const session = { cookie: (loggedIn.headers.get('set-cookie') ?? '').split(';')[0]!, 'x-csrf-token': csrfToken, origin: base };
      if (!token) {
        const created = await fetch(`${base}/api/tokens`, { method: 'POST', headers: { ...session, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'soak' }) });
        token = ((await created.json()) as { token: string }).token;
      }
      const bearer = { authorization: `Bearer ${token}` };
      let stopped = false;

      const submitter = async (worker: SeededRandom) => {
        while (!stopped) {
          const name = worker.pick(seedNames);
          const marker = new TextEncoder().encode(`\n<!-- soak ${options.seed}-${round}-${++counter}-${worker.integer(0, 1e9)} -->\n`);
          const bytes = new Uint8Array([...seedBytes(name), ...marker]);
          try {
            const response = await fetch(`${base}/api/documents?name=${name}`, { method: 'POST', headers: { ...bearer, 'content-type': 'text/plain' }, body: bytes });
            const body = (await response.json()) as { document: { id: string } };
            if (response.status === 202 || response.status === 200) submissions.add(body.document.id);
          } catch {
            requestsFailedByKill++;
          }
        }
      };
      const reviewer = async (worker: SeededRandom) => {
        while (!stopped) {
          try {
            const queue = (await (await fetch(`${base}/api/queue?limit=50`, { headers: session })).json()) as { documents: { id: string }[] };
            if (queue.documents.length === 0) {
              await new Promise((resolve) => setTimeout(resolve, 50));
              continue;
            }
            const id = worker.pick(queue.documents).id;
            const view = (await (await fetch(`${base}/api/documents/${id}`, { headers: session })).json()) as { document: { version: number; record: { fields: { id: string; status: string }[] } } | null };
            if (!view.document) continue;
            const inReview = view.document.record.fields.filter((field) => field.status === 'review');
            const reject = worker.chance(0.15) || inReview.length === 0;
            const body = reject
              ? { action: 'reject', version: view.document.version, reason: 'soak: not wanted' }
              : { action: 'approve', version: view.document.version, fieldId: worker.pick(inReview).id, confirm: true };
            const response = await fetch(`${base}/api/documents/${id}/decisions`, { method: 'POST', headers: { ...session, 'content-type': 'application/json' }, body: JSON.stringify(body) });
            if (response.status === 200) {
              const result = (await response.json()) as { document: { version: number; decisions: { id: string }[] } };
              decisions.push({ documentId: id, decisionId: result.document.decisions.at(-1)!.id, version: result.document.version, rejected: reject });
            } else {
              await response.arrayBuffer();
              if (response.status === 409 || response.status === 422) conflicts++;
            }
          } catch {
            requestsFailedByKill++;
          }
        }
      };

      const workers = [
        ...Array.from({ length: options.submitters }, (_, index) => submitter(seededRandom(options.seed * 1000 + round * 100 + index))),
        ...Array.from({ length: options.reviewers }, (_, index) => reviewer(seededRandom(options.seed * 1000 + round * 100 + 50 + index))),
      ];
      const runMs = random.integer(options.minRunMs, options.maxRunMs);
      await new Promise((resolve) => setTimeout(resolve, runMs));
      server.child.kill('SIGKILL');
      kills++;
      await server.exited;
      server = undefined;
      stopped = true;
      await Promise.allSettled(workers);
      const verification = await checkStore(`after kill ${kills}`);
      log(`round ${round + 1}: ran ${runMs} ms, kill -9; ${submissions.size} submissions and ${decisions.length} decisions acknowledged so far, ${verification.documents} documents, ${lost.length} lost, ${storeProblems.length} store problems`);
    }

    // A last clean start and stop: extraction left queued by the kills resumes, SIGTERM closes the store.
    server = await startServerProcess(directory);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    server.child.kill('SIGTERM');
    const code = await server.exited;
    server = undefined;
    if (code !== 0) storeProblems.push(`the final clean stop exited with ${code}`);
    const final = await checkStore('after the final clean stop');
    return {
      seed: options.seed,
      rounds,
      kills,
      submissionsAcknowledged: submissions.size,
      decisionsAcknowledged: decisions.length,
      rejectionsAcknowledged: decisions.filter((decision) => decision.rejected).length,
      requestsFailedByKill,
      conflicts,
      repairedIndexEntries,
      removedTemporaryFiles,
      removedOrphanBlobs,
      lost,
      storeProblems,
      documentsAtEnd: final.documents,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } finally {
    if (server) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    await rm(directory, { recursive: true, force: true });
  }
}
