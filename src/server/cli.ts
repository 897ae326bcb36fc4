/**
 * The queue server's command line: `npx tsx src/server/cli.ts <command>` (`npm run server` = serve).
 * Run it without arguments for the list of commands.
 */
import { runCli } from './cli/run';

const exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
});
process.exitCode = exitCode;
