/**
 * `toStateMachine`: a workflow of our builders' configs as an Amazon States Language definition,
 * with what deploying it needs: the S3 uploads to stage first, the role's policy statements, and
 * the cross-step references the templates became.
 */
import type { S3Operations } from '../operators/s3Operations.js';
import { InvalidStepError } from './errors.js';
import {
  policyStatements,
  type PolicyScope,
  type PolicyStatementJson,
} from './policyStatements.js';
import {
  NAMES_STATE,
  TOKEN_EXPRESSION,
  nameExpression,
  type ResourceNaming,
} from './resourceNames.js';
import { pinCodeLocations } from './pinCodeLocations.js';
import { splitStep, type StepPart } from './splitStep.js';
import { stepStates, type AslState, type TranslatedPart } from './stepStates.js';
import { KINDS, type SageMakerStepType, type WorkflowStep } from './steps.js';
import {
  resultPath,
  translateParameters,
  type ResolvedReference,
  type TranslateContext,
} from './translateParameters.js';

/** An ASL definition (plain JSON). */
export interface AslDefinition {
  readonly Comment?: string;
  readonly StartAt: string;
  readonly States: Record<string, AslState>;
  readonly TimeoutSeconds?: number;
}

/** Options of {@link toStateMachine}. */
export interface ToStateMachineOptions {
  /** The definition's `Comment`. @default - none */
  readonly comment?: string;
  /** How resources are named in each execution. @default 'perExecution' */
  readonly resourceNaming?: ResourceNaming;
  /** Seconds between two DescribeEndpoint calls while an endpoint is created. @default 30 */
  readonly endpointPollSeconds?: number;
  /** The execution's time limit. @default - none (Step Functions' own: one year) */
  readonly timeoutSeconds?: number;
  /** Partition, region and account of the policy's resource ARNs. @default - `aws`, `*`, `*` */
  readonly policyScope?: PolicyScope;
}

/** What {@link toStateMachine} returns. */
export interface ExportedStateMachine {
  readonly definition: AslDefinition;
  /** Buckets to create and files to upload before an execution starts (see `stageUploads`). */
  readonly s3Operations: Required<S3Operations>;
  /** The statements of the state machine role's policy. */
  readonly policyStatements: readonly PolicyStatementJson[];
  /** Every template the translator resolved, in step order. */
  readonly references: readonly ResolvedReference[];
}

const DEFAULTS = {
  comment: undefined,
  resourceNaming: 'perExecution',
  endpointPollSeconds: 30,
  timeoutSeconds: undefined,
  policyScope: {},
} as const satisfies Record<keyof ToStateMachineOptions, unknown>;

/** A step after translation: its states are laid out once the next state is known. */
type Translated =
  | { readonly kind: 'task'; readonly id: string; readonly parts: readonly TranslatedPart[] }
  | {
      readonly kind: 'choice';
      readonly id: string;
      readonly branches: readonly { when: Record<string, unknown>; steps: Translated[] }[];
      readonly otherwise: Translated[];
    };

interface Collector {
  readonly ids: Set<string>;
  readonly names: Map<string, string>;
  readonly references: ResolvedReference[];
  readonly s3: S3Operations[];
  readonly kinds: Set<SageMakerStepType>;
  readonly tagged: Set<SageMakerStepType>;
  readonly roles: Set<string>;
  /** Each task's requests in its XCom shape, for {@link pinCodeLocations}. */
  readonly known: Map<string, unknown>;
}

function collectRoles(value: unknown, roles: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) collectRoles(v, roles);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if ((key === 'RoleArn' || key === 'ExecutionRoleArn') && typeof item === 'string') {
        roles.add(item.includes('{{') ? '*' : item);
      } else collectRoles(item, roles);
    }
  }
}

/** First pass: ids, parts, names and S3 operations of every step, branches included. */
function collect(steps: readonly WorkflowStep[], c: Collector, naming: ResourceNaming): void {
  for (const step of steps) {
    const id: unknown = step.id;
    if (typeof id !== 'string' || id === '') {
      throw new InvalidStepError(String(id), 'every step needs a non-empty id');
    }
    if (c.ids.has(step.id)) throw new InvalidStepError(step.id, 'the id is used twice');
    if (step.id === NAMES_STATE) throw new InvalidStepError(step.id, 'the id is reserved');
    resultPath(step.id);
    c.ids.add(step.id);
    if (step.type === 'choice') {
      const branches: unknown = step.branches;
      if (!Array.isArray(branches) || branches.length === 0) {
        throw new InvalidStepError(step.id, 'a choice needs at least one branch');
      }
      for (const b of step.branches) collect(b.steps, c, naming);
      collect(step.otherwise ?? [], c, naming);
      continue;
    }
    const split = splitStep(step);
    c.s3.push(...split.s3Operations);
    for (const part of split.parts) {
      c.kinds.add(part.kind);
      if (part.kind === 'transform' || part.kind === 'endpoint') c.kinds.add('model');
      if (part.kind === 'endpoint') c.kinds.add('endpointConfig');
      if ('Tags' in part.request) c.tagged.add(part.kind);
      collectRoles(part.request, c.roles);
      const kind = KINDS[part.kind];
      const literal = part.request[kind.nameField];
      if (typeof literal === 'string' && !literal.includes('{{') && !c.names.has(literal)) {
        const expression = nameExpression(literal, kind.maxNameLength, naming);
        if (expression !== undefined) c.names.set(literal, expression);
      }
    }
  }
}

function translatePart(part: StepPart, ctx: TranslateContext): TranslatedPart {
  return { kind: part.kind, parameters: translateParameters(part.request, part.field, ctx) };
}

function uploadUris(c: Collector): Set<string> {
  return new Set(c.s3.flatMap((o) => (o.S3Upload ?? []).map((u) => `s3://${u.Bucket}/${u.Key}`)));
}

/** Second pass: translate in order, knowing which tasks ran on every path so far. */
function translate(
  steps: readonly WorkflowStep[],
  available: ReadonlySet<string>,
  c: Collector,
  models: Set<string> = new Set(),
): { translated: Translated[]; available: Set<string> } {
  let ran = new Set(available);
  const translated: Translated[] = [];
  for (const step of steps) {
    if (step.type === 'choice') {
      const paths = [...step.branches.map((b) => b.steps), step.otherwise ?? []].map((s) =>
        translate(s, ran, c, new Set(models)),
      );
      translated.push({
        kind: 'choice',
        id: step.id,
        branches: step.branches.map((b, i) => ({
          when: { ...b.when },
          steps: paths[i]?.translated ?? [],
        })),
        otherwise: paths[paths.length - 1]?.translated ?? [],
      });
      // After the choice, only what ran on every path may be pulled.
      ran = new Set(
        [...(paths[0]?.available ?? ran)].filter((id) => paths.every((p) => p.available.has(id))),
      );
      continue;
    }
    const ctx: TranslateContext = {
      stepId: step.id,
      available: ran,
      names: c.names,
      references: c.references,
    };
    // A bundle's Model part naming a model an earlier step created is that model (the operators
    // attach to it): creating it again would fail.
    const parts = splitStep(step).parts.filter((p, _i, all) => {
      if (p.kind !== 'model') return true;
      const name = p.request['ModelName'];
      const reused = all.length > 1 && typeof name === 'string' && models.has(name);
      if (typeof name === 'string') models.add(name);
      return !reused;
    });
    const at = { uris: uploadUris(c), known: c.known, available: ran };
    translated.push({
      kind: 'task',
      id: step.id,
      parts: parts.map((p) =>
        translatePart({ ...p, request: pinCodeLocations(p.request, at) }, ctx),
      ),
    });
    c.known.set(
      step.id,
      Object.fromEntries(splitStep(step).parts.map((p) => [KINDS[p.kind].resultKey, p.request])),
    );
    ran = new Set(ran).add(step.id);
  }
  return { translated, available: ran };
}

/** Third pass: lay the states out from the end, each step going on to the one after it. */
function layOut(
  steps: readonly Translated[],
  next: string,
  states: Record<string, AslState>,
  options: { endpointPollSeconds: number },
): string {
  let following = next;
  for (const step of [...steps].reverse()) {
    if (step.kind === 'task') {
      const laid = stepStates(step.id, step.parts, following, options);
      Object.assign(states, laid.states);
      following = laid.start;
      continue;
    }
    const choices = step.branches.map((b) => ({
      ...b.when,
      Next: layOut(b.steps, following, states, options),
    }));
    states[step.id] = {
      Type: 'Choice',
      Choices: choices,
      Default: layOut(step.otherwise, following, states, options),
    };
    following = step.id;
  }
  return following;
}

function dedupe<T>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Exports a workflow as a Step Functions state machine: `.sync` job tasks, request-response
 * model and endpoint config tasks, an endpoint wait loop, Choice states for branches, and each
 * step's result kept at `$.<id>` in its Airflow XCom shape so that XCom templates become JSONPath.
 * @throws {@link UntranslatableTemplateError} for a template with no ASL form;
 *   {@link UnresolvedReferenceError} for a pull of a task not run on every path before;
 *   {@link InvalidStepError} for a malformed step
 * @example
 * const exported = toStateMachine([
 *   { id: 'train', type: 'training', config: trainingConfig(knn, { inputs }) },
 *   { id: 'model', type: 'model', config: modelConfigFromEstimator(knn, { taskId: 'train', taskType: 'training' }) },
 * ]);
 * await stageUploads(exported, new S3Client({}));
 */
export function toStateMachine(
  steps: readonly WorkflowStep[],
  options: ToStateMachineOptions = {},
): ExportedStateMachine {
  const resolved = { ...DEFAULTS, ...options };
  const c: Collector = {
    ids: new Set(),
    names: new Map(),
    references: [],
    s3: [],
    kinds: new Set(),
    tagged: new Set(),
    roles: new Set(),
    known: new Map(),
  };
  collect(steps, c, resolved.resourceNaming);
  const { translated } = translate(steps, new Set(), c);
  const states: Record<string, AslState> = {};
  const end = 'Succeeded';
  if (c.ids.has(end)) throw new InvalidStepError(end, 'the id is reserved');
  states[end] = { Type: 'Succeed' };
  let start = layOut(translated, end, states, resolved);
  if (c.names.size > 0 && resolved.resourceNaming === 'perExecution') {
    states[NAMES_STATE] = {
      Type: 'Pass',
      Parameters: { 'token.$': TOKEN_EXPRESSION },
      ResultPath: `$.${NAMES_STATE}`,
      Next: start,
    };
    start = NAMES_STATE;
  }
  const roles = c.roles.has('*') ? new Set(['*']) : c.roles;
  return {
    definition: {
      ...(resolved.comment === undefined ? {} : { Comment: resolved.comment }),
      StartAt: start,
      States: states,
      ...(resolved.timeoutSeconds === undefined ? {} : { TimeoutSeconds: resolved.timeoutSeconds }),
    },
    s3Operations: {
      S3CreateBucket: dedupe(c.s3.flatMap((o) => o.S3CreateBucket ?? [])),
      S3Upload: dedupe(c.s3.flatMap((o) => o.S3Upload ?? [])),
    },
    policyStatements: policyStatements(
      { kinds: c.kinds, tagged: c.tagged, roles },
      resolved.policyScope,
    ),
    references: c.references,
  };
}
