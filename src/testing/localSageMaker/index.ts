/**
 * A local HTTP endpoint that speaks SageMaker's and CloudWatch Logs' JSON 1.1 protocols (and IAM's
 * and STS's query protocol for `GetRole` and `GetCallerIdentity`) for the calls the operators
 * make, so pipelines can be tested offline with the real AWS SDK clients. Jobs move through their
 * states on a simulated clock the test controls; with a local S3 server they read their inputs and
 * write their outputs there; faults (throttling, 5xx, latency, lost responses, failing, stopping
 * or hanging jobs) are injected here, not by mocking clients.
 */
import {
  FaultQueue,
  sleep,
  startHttpEndpoint,
  type HttpAnswer,
  type HttpRequest,
} from '../internal/httpEndpoint.js';
import { queryAction, queryApi, queryError } from './iamStsApi.js';
import { JobBehaviours } from './JobBehaviours.js';
import { DEFAULT_FAILURE } from './jobState.js';
import { LogStore } from './logsApi.js';
import { ApiError, awsJsonAnswer, type Json } from './protocol.js';
import { ResourceStore } from './ResourceStore.js';
import { sagemakerApi } from './sagemakerApi.js';
import { SimClock } from './SimClock.js';
import { Simulation } from './Simulation.js';
import type { Fault, LocalSageMaker, LocalSageMakerOptions, RecordedRequest } from './types.js';

export type {
  Fault,
  JobBehaviour,
  LocalResourceKind,
  LocalSageMaker,
  LocalSageMakerOptions,
  RecordedRequest,
  SeedLogEvent,
} from './types.js';

type Service = RecordedRequest['service'];

/**
 * Starts a local SageMaker + CloudWatch Logs (+ IAM/STS) endpoint on 127.0.0.1 at a random port.
 *
 * @example
 * const s3 = await startLocalS3();
 * const local = await startLocalSageMaker({ autoAdvanceSeconds: 30, s3 });
 * const sagemaker = new SageMakerClient({ endpoint: local.url, region: 'us-east-1',
 *   credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
 */
export async function startLocalSageMaker(
  options: LocalSageMakerOptions = {},
): Promise<LocalSageMaker> {
  const autoAdvanceSeconds = options.autoAdvanceSeconds ?? 0;
  const accountId = options.accountId ?? '123456789012';
  const clock = new SimClock(options.startTimeMs ?? Date.UTC(2024, 0, 1));
  const behaviours = new JobBehaviours();
  const sim = new Simulation(
    clock,
    new ResourceStore(options.region ?? 'us-east-1', accountId),
    behaviours,
    options.jobDurationSeconds ?? 60,
    options.s3,
  );
  const logs = new LogStore();
  const roles = options.roles ? new Set(options.roles) : undefined;
  const requests: RecordedRequest[] = [];
  const faults = new FaultQueue<Fault>();

  function parse(
    request: HttpRequest,
  ): { service: Service; operation: string; body: Json; form?: URLSearchParams } | string {
    const text = request.body.toString('utf8');
    const target = String(request.headers['x-amz-target'] ?? '');
    if (target === '') {
      const form = new URLSearchParams(text);
      const query = queryAction(form);
      if (query) {
        return {
          service: query.service,
          operation: query.action,
          body: Object.fromEntries(form),
          form,
        };
      }
    }
    const [prefix = '', operation = ''] = target.split('.');
    const service =
      prefix === 'SageMaker' ? 'SageMaker' : prefix.startsWith('Logs_') ? 'Logs' : undefined;
    if (!service) return `Unknown target ${target}`;
    try {
      return { service, operation, body: text ? (JSON.parse(text) as Json) : {} };
    } catch {
      return 'Malformed JSON';
    }
  }

  async function handle(request: HttpRequest): Promise<HttpAnswer> {
    const requestId = `local-${requests.length}`;
    const parsed = parse(request);
    if (typeof parsed === 'string') {
      // Nothing is recorded: a RecordedRequest needs a known service.
      const type =
        parsed === 'Malformed JSON' ? 'SerializationException' : 'UnknownOperationException';
      return awsJsonAnswer(400, { __type: type, message: parsed }, requestId, type);
    }
    const { service, operation, body, form } = parsed;
    const answerError = (status: number, type: string, message: string): HttpAnswer => {
      requests.push({ service, operation, body, status, error: type });
      if (form) {
        // The query protocol's throttling code is `Throttling`.
        const code = type === 'ThrottlingException' ? 'Throttling' : type;
        return queryError(service as 'IAM' | 'STS', status, code, message, requestId);
      }
      return awsJsonAnswer(status, { __type: type, message }, requestId, type);
    };
    const fault = faults.take((f) => {
      const op = f.operation;
      return op === undefined || (typeof op === 'string' ? op === operation : op.test(operation));
    });
    if (fault?.kind === 'throttle') return answerError(400, 'ThrottlingException', 'Rate exceeded');
    if (fault?.kind === 'serverError') {
      const status = fault.status ?? 500;
      const type = status === 503 ? 'ServiceUnavailable' : 'InternalFailure';
      return answerError(status, type, 'We encountered an internal error. Please try again.');
    }
    const latencyMs = fault?.kind === 'latency' ? (fault.latencyMs ?? 100) : undefined;
    if (latencyMs !== undefined) await sleep(latencyMs);
    if (service === 'SageMaker' && operation.startsWith('Describe') && autoAdvanceSeconds > 0) {
      clock.advance(autoAdvanceSeconds);
    }
    try {
      let answer: HttpAnswer;
      if (form) {
        answer = queryApi(service as 'IAM' | 'STS', operation, form, {
          accountId,
          requestId,
          now: clock.now(),
          roles,
        });
      } else {
        sim.settle();
        const result =
          service === 'SageMaker'
            ? sagemakerApi(sim, operation, body)
            : logs.answer(operation, body);
        sim.settle();
        answer = awsJsonAnswer(200, JSON.parse(JSON.stringify(result)) as Json, requestId);
      }
      if (fault?.kind === 'lostResponse') {
        return answerError(500, 'InternalFailure', 'The response was lost.');
      }
      requests.push({
        service,
        operation,
        body,
        status: answer.status,
        ...(answer.status >= 300 ? { error: 'NoSuchEntity' } : {}),
        ...(latencyMs !== undefined ? { latencyMs } : {}),
      });
      return answer;
    } catch (error) {
      if (error instanceof ApiError) return answerError(error.status, error.type, error.message);
      return answerError(500, 'InternalFailure', String(error));
    }
  }

  const http = await startHttpEndpoint(handle, (error) =>
    awsJsonAnswer(
      500,
      { __type: 'InternalFailure', message: String(error) },
      'local-error',
      'InternalFailure',
    ),
  );

  return {
    url: http.url,
    port: http.port,
    requests,
    count: (operation) =>
      requests.filter((r) => r.operation === operation && r.status < 300).length,
    advance(seconds) {
      clock.advance(seconds);
    },
    now: () => clock.now(),
    setBehaviour(name, behaviour) {
      behaviours.set(name, behaviour);
    },
    failJob(name, reason) {
      behaviours.set(name, { outcome: 'Failed', failureReason: reason || DEFAULT_FAILURE });
    },
    stopJob(name) {
      behaviours.set(name, { outcome: 'Stopped' });
    },
    hangJob(name, hang = {}) {
      behaviours.set(name, { outcome: 'hang', ...hang });
    },
    injectFault(fault) {
      faults.add(fault, {
        // Bounded in count (1 by default) or, when `forSeconds` is given, in time.
        times: fault.times ?? (fault.forSeconds !== undefined ? Infinity : 1),
        ...(fault.share !== undefined ? { share: fault.share } : {}),
        ...(fault.forSeconds !== undefined ? { forSeconds: fault.forSeconds } : {}),
      });
    },
    clearFaults() {
      faults.clear();
    },
    putLogEvents(group, stream, events) {
      logs.put(group, stream, events, clock.now());
    },
    names: (kind) => [...sim.store.of(kind).keys()],
    createRequest: (kind, name) => sim.store.of(kind).get(name)?.request,
    close: () => http.close(),
  };
}
