/**
 * What an example prints: plain lines, titled sections with a config or a request as JSON, and
 * the operators' log on the same lines, all through one `print` a test can capture.
 */
import type { OperatorLogger } from 'sagemaker-workflow/operators';

/** The writers of one run, all printing through the same `print`. */
export interface ExampleOutput {
  /** Prints one line. */
  readonly print: (line: string) => void;
  /** Prints `# title` after a blank line, then `value` as indented JSON when there is one. */
  readonly section: (title: string, value?: unknown) => void;
  /** An operator logger printing each message indented, warnings and errors marked. */
  readonly logger: OperatorLogger;
}

/**
 * The writers printing through `print`.
 * @param print receives every line. @default console.log
 */
export function exampleOutput(
  print: (line: string) => void = (line) => {
    console.log(line);
  },
): ExampleOutput {
  return {
    print,
    section: (title, value) => {
      print(`\n# ${title}`);
      if (value !== undefined) print(JSON.stringify(value, null, 2));
    },
    logger: {
      info: (m) => {
        print(`  ${m}`);
      },
      warn: (m) => {
        print(`  warning: ${m}`);
      },
      error: (m) => {
        print(`  error: ${m}`);
      },
    },
  };
}
