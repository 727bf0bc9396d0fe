/**
 * The public surface as the compiler sees it: every name each entry point exports, values and
 * types alike, with its kind. `Object.keys(await import(entry))` sees values only; a removed or
 * renamed interface shows up here.
 */
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The package's entry points (`package.json` `exports`) and the source file behind each. */
export const ENTRY_SOURCES = {
  '.': 'src/index.ts',
  './image-uris': 'src/imageUris/index.ts',
  './frameworks': 'src/estimators/frameworks/index.ts',
  './tuner': 'src/estimators/tuner/index.ts',
  './operators': 'src/operators/index.ts',
  './recordio': 'src/recordio/index.ts',
  './python-compat': 'src/pythonCompat/index.ts',
  './testing': 'src/testing/index.ts',
  './testing/stepfunctions': 'src/testing/stepfunctions.ts',
  './arbitraries': 'src/arbitraries/index.ts',
  './stepfunctions': 'src/stepfunctions/index.ts',
  './stepfunctions/cdk': 'src/stepfunctions/cdk/index.ts',
  './airflow': 'src/airflow/index.ts',
  './temporal': 'src/temporal/index.ts',
} as const;

/** One exported name: what it is (`class`, `function`, `interface`, ...) and where it is declared. */
export interface ExportedName {
  readonly name: string;
  readonly kind: string;
  /** The declaring file and position, relative to the repository: one per meaning. */
  readonly declaration: string;
}

const root = fileURLToPath(new URL('..', import.meta.url));

function kindOf(symbol: ts.Symbol): string {
  const f = symbol.flags;
  if (f & ts.SymbolFlags.Class) return 'class';
  if (f & ts.SymbolFlags.Function) return 'function';
  if (f & ts.SymbolFlags.Enum) return 'enum';
  if (f & ts.SymbolFlags.Variable) return 'const';
  if (f & ts.SymbolFlags.Interface) return 'interface';
  if (f & ts.SymbolFlags.TypeAlias) return 'type';
  if (f & ts.SymbolFlags.Module) return 'namespace';
  return 'other';
}

/** The exports of each entry point, sorted by name (one compiler program for all of them). */
export function apiReport(): Record<string, readonly ExportedName[]> {
  const configPath = `${root}tsconfig.json`;
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (parsed === undefined) throw new Error(`cannot read ${configPath}`);
  const files = Object.values(ENTRY_SOURCES).map((f) => `${root}${f}`);
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const report: Record<string, readonly ExportedName[]> = {};
  for (const [entry, file] of Object.entries(ENTRY_SOURCES)) {
    const source = program.getSourceFile(`${root}${file}`);
    if (source === undefined) throw new Error(`missing entry source ${file}`);
    const moduleSymbol = checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) throw new Error(`${file} is not a module`);
    report[entry] = checker
      .getExportsOfModule(moduleSymbol)
      .map((s) => {
        const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
        const decl = target.declarations?.[0];
        const where = decl
          ? `${decl.getSourceFile().fileName.replace(root, '')}:${decl.getStart()}`
          : '(none)';
        return { name: s.name, kind: kindOf(target), declaration: where };
      })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
  return report;
}
