/**
 * `DirectSession`: Python's `sagemaker.Session` for the direct calls. It holds the AWS clients,
 * resolves the default bucket on first use exactly as Python does (STS account, ListBuckets,
 * HeadBucket or ListObjectsV2, CreateBucket) and expands role names with IAM GetRole; its
 * `session` is the plain session the estimators and builders read.
 */
import type * as S3Sdk from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { STSClient } from '@aws-sdk/client-sts';
import { MissingOptionError } from '../../errors.js';
import { loadIamSdk, loadS3Sdk, loadStsSdk } from '../../internal/loadPeer.js';
import { createSession, type Session, type SessionOptions } from '../../session.js';
import { DefaultBucketPendingError } from './errors.js';
import { serviceError } from './serviceError.js';

/** The AWS clients the direct calls use. */
export interface DirectClients {
  readonly sagemaker: Pick<SageMakerClient, 'send'>;
  readonly s3: Pick<S3Client, 'send'>;
  /** Needed to expand role names. @default - none: a role name is refused */
  readonly iam?: Pick<IAMClient, 'send'>;
  /** Needed without `defaultBucket` (the bucket is named after the account). @default - none */
  readonly sts?: Pick<STSClient, 'send'>;
  /** Needed to tail logs. @default - none */
  readonly logs?: Pick<CloudWatchLogsClient, 'send'>;
}

/** Options of {@link DirectSession}. */
export interface DirectSessionOptions extends Omit<SessionOptions, 'defaultBucket'> {
  /** @default - `sagemaker-<region>-<account>`, the account from STS */
  readonly defaultBucket?: string | null;
  readonly clients: DirectClients;
}

type Send = (command: unknown) => Promise<unknown>;
const send = (client: { send: unknown }, command: unknown): Promise<unknown> =>
  (client.send as Send).call(client, command);

/** Python's `Session` for the direct calls. */
export class DirectSession {
  /** The session estimators and builders read; its default bucket is this one's. */
  readonly session: Session;
  readonly clients: DirectClients;
  readonly region: string;
  readonly #override: string | undefined;
  #bucket: string | undefined;
  #bucketBySdk = false;

  constructor(options: DirectSessionOptions) {
    const base = createSession({ ...options, defaultBucket: 'unresolved' });
    this.region = base.region;
    this.clients = options.clients;
    this.#override = options.defaultBucket ?? undefined;
    this.session = {
      ...base,
      defaultBucket: () => {
        if (this.#bucket === undefined) throw new DefaultBucketPendingError();
        return this.#bucket;
      },
    };
  }

  /**
   * Runs a pure builder; if it reads the default bucket before it is resolved, resolves it (the
   * AWS calls Python makes on first use) and runs the builder again.
   */
  async build<T>(builder: () => T): Promise<T> {
    try {
      return builder();
    } catch (error) {
      if (!(error instanceof DefaultBucketPendingError)) throw error;
      await this.defaultBucket();
      return builder();
    }
  }

  /** The account id, from STS GetCallerIdentity (Python asks again each time). */
  async accountId(): Promise<string> {
    const sts = this.clients.sts;
    if (!sts) throw new MissingOptionError('clients.sts', 'an STS client names the default bucket');
    const { GetCallerIdentityCommand } = await loadStsSdk();
    const out = (await send(sts, new GetCallerIdentityCommand({}))) as { Account?: string };
    return out.Account ?? '';
  }

  /** Python's `_get_account_id_if_default_bucket`: the owner to assert on uploads to `bucket`. */
  async expectedOwner(bucket: string): Promise<string | undefined> {
    if (!this.#bucketBySdk || bucket !== this.#bucket) return undefined;
    return this.accountId();
  }

  /** Python's `default_bucket()`: checks (and creates) the bucket once per session. */
  async defaultBucket(): Promise<string> {
    if (this.#bucket !== undefined) return this.#bucket;
    let name = this.#override;
    let bySdk = false;
    if (!name) {
      name = `sagemaker-${this.region}-${await this.accountId()}`;
      bySdk = true;
    }
    this.#bucketBySdk = bySdk;
    await this.#checkBucket(name, bySdk);
    this.#bucket = name;
    return name;
  }

  async #checkBucket(name: string, bySdk: boolean): Promise<void> {
    const s3 = this.clients.s3;
    const sdk = await loadS3Sdk();
    let listed = false;
    try {
      const out = (await send(s3, new sdk.ListBucketsCommand({}))) as {
        Buckets?: { Name?: string }[];
      };
      listed = (out.Buckets ?? []).some((b) => b.Name === name);
    } catch (error) {
      if (serviceError(error)?.code !== 'AccessDenied') throw error;
    }
    if (!listed) {
      await this.#probe(sdk, name, bySdk, true);
    } else if (bySdk) {
      await this.#probe(sdk, name, bySdk, false);
      await this.#ownerProbe(sdk, name, await this.accountId());
    }
  }

  #probeCommand(sdk: typeof S3Sdk, name: string, extra: Record<string, string>): unknown {
    const prefix = this.session.defaultBucketPrefix;
    return prefix
      ? new sdk.ListObjectsV2Command({ Bucket: name, Prefix: prefix, ...extra })
      : new sdk.HeadBucketCommand({ Bucket: name, ...extra });
  }

  async #probe(sdk: typeof S3Sdk, name: string, bySdk: boolean, missing: boolean): Promise<void> {
    const extra: Record<string, string> = bySdk
      ? { ExpectedBucketOwner: await this.accountId() }
      : {};
    try {
      await send(this.clients.s3, this.#probeCommand(sdk, name, extra));
    } catch (error) {
      if (!missing) return;
      const info = serviceError(error);
      if (info?.code === '404' && info.message === 'Not Found') {
        await this.#create(sdk, name);
        return;
      }
      throw error;
    }
  }

  async #ownerProbe(sdk: typeof S3Sdk, name: string, owner: string): Promise<void> {
    try {
      await send(this.clients.s3, this.#probeCommand(sdk, name, { ExpectedBucketOwner: owner }));
    } catch (error) {
      const info = serviceError(error);
      if (info?.code === '403' && info.message === 'Forbidden') throw error;
    }
  }

  async #create(sdk: typeof S3Sdk, name: string): Promise<void> {
    const input =
      this.region === 'us-east-1'
        ? { Bucket: name }
        : {
            Bucket: name,
            CreateBucketConfiguration: { LocationConstraint: this.region as never },
          };
    try {
      await send(this.clients.s3, new sdk.CreateBucketCommand(input));
    } catch (error) {
      const info = serviceError(error);
      if (info?.code === 'OperationAborted' && info.message.includes('conflicting conditional'))
        return;
      throw error;
    }
  }

  /** Python's `expand_role`: a name without `/` becomes its ARN through IAM GetRole. */
  async expandRole(role: unknown): Promise<unknown> {
    if (typeof role !== 'string' || role.includes('/')) return role;
    const iam = this.clients.iam;
    if (!iam) throw new MissingOptionError('clients.iam', 'an IAM client expands role names');
    const { GetRoleCommand } = await loadIamSdk();
    const out = (await send(iam, new GetRoleCommand({ RoleName: role }))) as {
      Role?: { Arn?: string };
    };
    return out.Role?.Arn;
  }
}
