// Test helper: an extraction thread like src/pipeline/threads/extractionThread.mjs that fails on purpose for
// some document names:
//   crash-exit.txt  the thread exits (process.exit(3)), as when it is killed
//   crash-throw.txt an uncaught exception in the thread
//   crash-hang.txt  an endless loop (the pool's time limit must stop it)
// One listener, added once the pipeline is loaded (like the real thread): a port delivers the messages that
// arrived earlier to its first listener only.
import { parentPort } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
const { runExtractionTask } = await import('../../src/pipeline/threads/extractionTask.ts');
parentPort.postMessage({ ready: true });

parentPort.on('message', (task) => {
  if (task.name === 'crash-exit.txt') process.exit(3);
  if (task.name === 'crash-throw.txt') throw new Error('injected failure in the extraction thread');
  if (task.name === 'crash-hang.txt') for (;;);
  parentPort.postMessage(runExtractionTask(task));
});
