// The keras-lens command: prints what model.summary() would print, as Keras 3/2 text, Markdown or JSON.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeSource, initEngine, type AnalysisOptions, type KerasVersionOption } from './analysis/engine';
import { formatKeras2, formatKeras3, formatMarkdown, toJson } from './analysis/summary/format';
import type { FileSummary } from './analysis/summary/types';

const USAGE = `Usage: keras-lens summary FILE... [--format keras3|keras2|markdown|json]
                          [--keras-version auto|3|2|1] [--data-format channels_last|channels_first]

Prints, for every Keras model built in each Python file, what model.summary() would print.
keras-lens reads the code; it never runs it.`;

type Format = 'keras3' | 'keras2' | 'markdown' | 'json';

interface Parsed {
  files: string[];
  format: Format;
  options: AnalysisOptions;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Parsed | 'help' {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') return 'help';
  if (argv[0] !== 'summary') throw new UsageError(`unknown command '${argv[0]}' (expected 'summary')`);
  const files: string[] = [];
  let format: Format = 'keras3';
  let kerasVersion: KerasVersionOption = 'auto';
  let dataFormat: AnalysisOptions['dataFormat'] = 'channels_last';
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const [flag, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--format': {
        const v = value();
        if (v !== 'keras3' && v !== 'keras2' && v !== 'markdown' && v !== 'json') throw new UsageError(`--format must be keras3, keras2, markdown or json (got '${v}')`);
        format = v;
        break;
      }
      case '--keras-version': {
        const v = value();
        if (v === 'auto') kerasVersion = 'auto';
        else if (v === '1' || v === '2' || v === '3') kerasVersion = Number(v) as 1 | 2 | 3;
        else throw new UsageError(`--keras-version must be auto, 3, 2 or 1 (got '${v}')`);
        break;
      }
      case '--data-format': {
        const v = value();
        if (v !== 'channels_last' && v !== 'channels_first') throw new UsageError(`--data-format must be channels_last or channels_first (got '${v}')`);
        dataFormat = v;
        break;
      }
      case '--help': case '-h': return 'help';
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}'`);
        files.push(a);
    }
  }
  if (files.length === 0) throw new UsageError('no input files');
  return { files, format, options: { kerasVersion, dataFormat } };
}

function render(summaries: FileSummary[], format: Format): string {
  if (format === 'json') return `${JSON.stringify(toJson(summaries), null, 2)}\n`;
  const out: string[] = [];
  for (const f of summaries) {
    const header = summaries.length > 1 ? `# ${f.file}\n` : '';
    const models = f.models.map((m) => {
      const title = m.variable ? `${m.variable} = …  (line ${m.range.start.line + 1})` : `line ${m.range.start.line + 1}`;
      const body = format === 'keras3' ? formatKeras3(m) : format === 'keras2' ? formatKeras2(m) : formatMarkdown(m);
      return format === 'markdown' ? `### ${m.name} — ${title}\n\n${body}` : `${title}\n${body}`;
    });
    const diags = f.diagnostics
      .filter((d) => d.severity !== 'info')
      .map((d) => `${f.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity}: ${d.message}`);
    const none = f.models.length === 0 ? ['(no Keras model found)'] : [];
    out.push(header + [...models, ...none].join('\n') + (diags.length ? `\n${diags.join('\n')}\n` : ''));
  }
  return out.join('\n');
}

async function main(argv: string[]): Promise<number> {
  let parsed: Parsed | 'help';
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`keras-lens: ${e.message} (see keras-lens --help)\n`);
      return 2;
    }
    throw e;
  }
  if (parsed === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const texts: [string, string][] = [];
  for (const f of parsed.files) {
    try {
      texts.push([f, f === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(f, 'utf8')]);
    } catch (e) {
      process.stderr.write(`keras-lens: cannot read ${f}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
      return 1;
    }
  }
  await initEngine(__dirname);
  const summaries = texts.map(([f, t]) => analyzeSource(t, path.normalize(f), parsed.options));
  process.stdout.write(render(summaries, parsed.format));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    process.stderr.write(`keras-lens: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = 3;
  },
);
