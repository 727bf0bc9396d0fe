/**
 * An HTTP fault proxy on 127.0.0.1 in front of the local SageMaker endpoint: it reads the
 * `X-Amz-Target` operation and, for matching requests, resets the socket before or after
 * forwarding (a lost response), never answers (before or after forwarding), delays, or answers
 * an `AccessDeniedException` itself. Everything else is forwarded as it is.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type ProxyMode =
  'reset' | 'resetAfter' | 'hang' | 'hangAfter' | 'accessDenied' | { readonly delayMs: number };

export interface ProxyRule {
  readonly operation: string | RegExp;
  readonly mode: ProxyMode;
  /** @default Infinity */
  readonly times?: number;
  /** Message of an `accessDenied` answer. */
  readonly message?: string;
}

export interface FaultProxy {
  readonly url: string;
  /** Operations seen, in order, with what was done to them. */
  readonly seen: { operation: string; mode: string }[];
  add(rule: ProxyRule): void;
  clear(): void;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const rules: { rule: ProxyRule; left: number }[] = [];
  const seen: { operation: string; mode: string }[] = [];
  const sockets = new Set<Socket>();
  const upstream = new URL(target);

  const take = (operation: string): ProxyRule | undefined => {
    for (const entry of rules) {
      const op = entry.rule.operation;
      const matches = typeof op === 'string' ? op === operation : op.test(operation);
      if (matches && entry.left > 0) {
        entry.left -= 1;
        return entry.rule;
      }
    }
    return undefined;
  };

  const forward = (
    req: IncomingMessage,
    body: Buffer,
    onAnswer: (status: number, headers: IncomingMessage['headers'], data: Buffer) => void,
  ): void => {
    const out = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          onAnswer(res.statusCode ?? 500, res.headers, Buffer.concat(chunks));
        });
      },
    );
    out.on('error', () => undefined);
    out.end(body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: Buffer): void => {
    const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    const rule = take(operation);
    const mode = rule?.mode;
    seen.push({ operation, mode: typeof mode === 'object' ? 'delay' : (mode ?? 'pass') });
    const answer = (status: number, headers: IncomingMessage['headers'], data: Buffer): void => {
      res.writeHead(status, headers);
      res.end(data);
    };
    if (mode === 'reset') {
      req.socket.destroy();
    } else if (mode === 'resetAfter') {
      forward(req, body, () => req.socket.destroy());
    } else if (mode === 'hang') {
      // never answered
    } else if (mode === 'hangAfter') {
      forward(req, body, () => undefined);
    } else if (mode === 'accessDenied') {
      const text = JSON.stringify({
        __type: 'AccessDeniedException',
        message: rule?.message ?? `User is not authorized to perform: sagemaker:${operation}`,
      });
      res.writeHead(400, {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-errortype': 'AccessDeniedException',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    } else if (typeof mode === 'object') {
      setTimeout(() => {
        forward(req, body, answer);
      }, mode.delayMs);
    } else {
      forward(req, body, answer);
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    add: (rule) => void rules.push({ rule, left: rule.times ?? Infinity }),
    clear: () => void rules.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}
