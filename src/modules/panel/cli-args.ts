/** `--name value` options, `--flag` switches and positional arguments of a CLI command. */
export interface ParsedArgs {
  options: Record<string, string>;
  flags: Set<string>;
  positional: string[];
}

export function parseArgs(args: string[], flagNames: string[]): ParsedArgs {
  const options: Record<string, string> = {};
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
      if (flagNames.includes(name)) flags.add(name);
      else if (inline !== undefined) options[name] = inline;
      else if (i + 1 < args.length) options[name] = args[++i];
      else options[name] = '';
    } else positional.push(arg);
  }
  return { options, flags, positional };
}
