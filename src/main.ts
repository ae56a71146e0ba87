import { runExtract } from './cli/runExtract.ts';
import { runIngest } from './cli/runIngest.ts';
import { runServe } from './cli/runServe.ts';
import { loadConfig } from './config/loadConfig.ts';

/** Entry point: wires configuration and concrete adapters to the command asked for. */
async function main(argv: readonly string[]): Promise<number> {
  const [command = 'serve', ...args] = argv;
  const streams = { stdout: process.stdout, stderr: process.stderr };
  const config = loadConfig(process.env);
  switch (command) {
    case 'extract':
      return runExtract(args, streams);
    case 'serve':
      return runServe(config, streams);
    case 'ingest':
      return runIngest(args, config, streams);
    default:
      process.stderr.write(`unknown command "${command}" (extract | serve | ingest)\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
