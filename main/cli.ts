// Entry point of `dossier-check` / `npm run scan`: wires the process to runCli.
import { runCli } from './cli/run-cli.js';

const controller = new AbortController();
let interrupted = false;
process.on('SIGINT', () => {
  // First Ctrl-C stops the scan cleanly (workers end, no half report); a second one leaves at once.
  if (interrupted) process.exit(130);
  interrupted = true;
  process.stderr.write('\n正在中止……（再按一次 Ctrl-C 立即退出）\n');
  controller.abort();
});

// A closed pipe (`… --out - | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  signal: controller.signal,
});
process.exitCode = code;
// Worker threads or open handles of an aborted scan must not keep the process alive.
if (interrupted) process.exit(code);
