/**
 * `npm run sandbox -- [--port 4477] [--host 127.0.0.1] [--reseed] [--data .sandbox-data/crm.json] [--now <ISO>] [--quiet]`
 * Starts the sandbox CRM and prints where to look. Stops cleanly on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startSandboxServer } from './sandbox-server';
import { SANDBOX_PORTAL_ID, SANDBOX_SCENARIOS } from './scenarios';

async function runSandboxCli(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '4477' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string' },
      reseed: { type: 'boolean', default: false },
      // Seeds relative to a fixed moment (screenshots, reproducible demos); only used when seeding.
      now: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log('Usage: npm run sandbox -- [--port 4477] [--host 127.0.0.1] [--reseed] [--data <file>] [--now <ISO time>] [--quiet]');
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got "${values.port}"`);

  const now = values.now === undefined ? undefined : Date.parse(values.now);
  if (now !== undefined && Number.isNaN(now)) throw new Error(`--now must be an ISO date-time, got "${values.now}"`);

  const server = await startSandboxServer({
    port,
    host: values.host,
    reseed: values.reseed,
    quiet: values.quiet,
    ...(values.data ? { dataFile: values.data } : {}),
    ...(now !== undefined ? { now } : {}),
  });
  const record = (id: string): string => `${server.url}/contacts/${SANDBOX_PORTAL_ID}/record/0-1/${id}`;
  console.log(`
Sandbox CRM (HubSpot dialect) on ${server.url}
  data file:      ${server.dataFile}
  contacts:       ${server.url}/contacts/${SANDBOX_PORTAL_ID}/objects/0-1/views/all/list
  demo lead:      ${record(SANDBOX_SCENARIOS.demoPrimary)}
  just handed off:${' '}${record(SANDBOX_SCENARIOS.justHandedOff)}
  breached:       ${record(SANDBOX_SCENARIOS.breached)}
  API:            curl -H 'Authorization: Bearer sandbox' ${server.url}/crm/v3/objects/contacts/${SANDBOX_SCENARIOS.demoPrimary}
Ctrl-C to stop.`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the sandbox CRM…`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

runSandboxCli(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`sandbox: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
