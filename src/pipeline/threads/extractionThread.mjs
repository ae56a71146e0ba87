// Worker thread that runs the deterministic extraction (pipeline/extractDocument) for the main thread, which
// stays free for the UI's requests. The pipeline is TypeScript: a worker thread gets no TypeScript loader
// from tsx or vitest (they transform the main thread only), so this tiny JavaScript entry registers tsx's
// loader for this thread, has the task module bundled into one file (extractionTaskModule: a quarter more reports
// a second than a module per file when every core is busy) and imports it; where no bundle can be made, the TypeScript.
import { parentPort } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
const { extractionTaskModule } = await import('./extractionTaskModule.ts');
const bundled = await extractionTaskModule();
/** @type {typeof import('./extractionTask.ts')} */
const { runExtractionTask } = await import(bundled?.href ?? './extractionTask.ts');
// The pipeline is loaded: the parent's time limit per document starts counting from here, not from the start-up.
parentPort.postMessage({ ready: true });

// One task at a time (the pool queues them): { id, name, bytes, prepared? } in, { id, extraction | failure } out.
parentPort.on('message', (task) => {
  const answer = runExtractionTask(task);
  try {
    parentPort.postMessage(answer);
  } catch (error) {
    // A context the structured clone refuses (a function, a class instance): the message alone still says why.
    const failure = 'failure' in answer ? { code: answer.failure.code, message: answer.failure.message } : { message: `the result could not be sent back (${error?.message ?? error})` };
    parentPort.postMessage({ id: task.id, failure });
  }
});
