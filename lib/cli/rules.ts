/**
 * `npm run rules -- <command> [...args]`: the RevOps command line over the same domain code the
 * extension runs. Each command lives in lib/cli/commands/<name>.ts and exports
 * `run(args: string[]): Promise<number>` (the exit code) and `usage: string`.
 */
const COMMANDS = ['evaluate', 'sla', 'backtest'] as const;
type CommandName = (typeof COMMANDS)[number];

interface Command {
  run(args: string[]): Promise<number>;
  usage: string;
}

async function loadCommand(name: CommandName): Promise<Command> {
  switch (name) {
    case 'evaluate':
      return import('./commands/evaluate.ts');
    case 'sla':
      return import('./commands/sla.ts');
    case 'backtest':
      return import('./commands/backtest.ts');
  }
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || !(COMMANDS as readonly string[]).includes(name)) {
    const usages = await Promise.all(COMMANDS.map(async (c) => (await loadCommand(c)).usage));
    const out = name && name !== '--help' && name !== '-h' ? process.stderr : process.stdout;
    if (name && name !== '--help' && name !== '-h') out.write(`Unknown command "${name}".\n\n`);
    out.write(`Usage: npm run rules -- <command> [options]\n\n${usages.join('\n\n')}\n`);
    return name && name !== '--help' && name !== '-h' ? 2 : 0;
  }
  const command = await loadCommand(name as CommandName);
  // `rules backtest --help`: that command's usage, as a request, not an unknown option.
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`Usage: npm run rules -- ${command.usage}\n`);
    return 0;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`rules: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
