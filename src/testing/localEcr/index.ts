/**
 * A local endpoint that speaks the ECR JSON protocol (`x-amz-json-1.1`) for `DescribeImages` and
 * `BatchGetImage`, for tests of digest pinning with the real `@aws-sdk/client-ecr` over HTTP on
 * 127.0.0.1. Seeded with images; can refuse calls with `AccessDeniedException`.
 */
import { createHash } from 'node:crypto';
import {
  jsonAnswer,
  startHttpEndpoint,
  type HttpAnswer,
  type HttpRequest,
} from '../internal/httpEndpoint.js';

const TARGET_PREFIX = 'AmazonEC2ContainerRegistry_V20150921.';
const MANIFEST_TYPE = 'application/vnd.docker.distribution.manifest.v2+json';

/** An image to seed the local registry with. */
export interface LocalEcrImage {
  /** @default - the endpoint's `registryId` */
  readonly registryId?: string;
  readonly repositoryName: string;
  /** @default [] (an untagged image) */
  readonly imageTags?: readonly string[];
  /** @default - a made-up manifest naming the repository and tags */
  readonly imageManifest?: string;
}

/** The ECR actions the endpoint serves. */
export type LocalEcrAction = 'DescribeImages' | 'BatchGetImage';

/** Options of {@link startLocalEcr}. */
export interface LocalEcrOptions {
  /** Images present from the start. @default [] */
  readonly images?: readonly LocalEcrImage[];
  /** Empty repositories present from the start. @default [] */
  readonly repositories?: readonly string[];
  /** The account id of the registry. @default "123456789012" */
  readonly registryId?: string;
  /** Actions answered with `AccessDeniedException`. @default [] */
  readonly deny?: readonly LocalEcrAction[];
}

/** A request the endpoint received. */
export interface LocalEcrRequest {
  readonly action: string;
  readonly body: Readonly<Record<string, unknown>>;
}

/** A running local ECR endpoint. */
export interface LocalEcr {
  /** `http://127.0.0.1:<port>`, for the client's `endpoint`. */
  readonly endpoint: string;
  readonly registryId: string;
  /** Every request received, in order. */
  readonly requests: readonly LocalEcrRequest[];
  /** Adds an image and returns its digest (`sha256:...`). */
  addImage(image: LocalEcrImage): string;
  /** Replaces the set of actions answered with `AccessDeniedException`. */
  deny(actions: readonly LocalEcrAction[]): void;
  /** Stops the server. */
  close(): Promise<void>;
}

interface StoredImage {
  readonly registryId: string;
  readonly repositoryName: string;
  readonly imageDigest: string;
  readonly imageTags: string[];
  readonly imageManifest: string;
}

interface ImageId {
  readonly imageTag?: string;
  readonly imageDigest?: string;
}

class EcrFault extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Starts a local ECR endpoint on 127.0.0.1 on a random port.
 * @example
 * const ecr = await startLocalEcr({ images: [{ repositoryName: 'knn', imageTags: ['1'] }] });
 * const client = new ECRClient({ endpoint: ecr.endpoint, region: 'us-east-1',
 *   credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
 */
export async function startLocalEcr(options: LocalEcrOptions = {}): Promise<LocalEcr> {
  const registryId = options.registryId ?? '123456789012';
  const repositories = new Set<string>(options.repositories?.map((r) => `${registryId}/${r}`));
  const images: StoredImage[] = [];
  const requests: LocalEcrRequest[] = [];
  let denied = new Set<string>(options.deny ?? []);

  const addImage = (image: LocalEcrImage): string => {
    const owner = image.registryId ?? registryId;
    const manifest =
      image.imageManifest ??
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MANIFEST_TYPE,
        config: { repository: image.repositoryName, tags: image.imageTags ?? [] },
      });
    const imageDigest = `sha256:${createHash('sha256').update(manifest).digest('hex')}`;
    const tags = image.imageTags ?? [];
    // A tag moves to the newest image pushed with it, as in ECR.
    for (const other of images) {
      if (other.registryId === owner && other.repositoryName === image.repositoryName) {
        for (const tag of tags) {
          const at = other.imageTags.indexOf(tag);
          if (at >= 0) other.imageTags.splice(at, 1);
        }
      }
    }
    repositories.add(`${owner}/${image.repositoryName}`);
    images.push({
      registryId: owner,
      repositoryName: image.repositoryName,
      imageDigest,
      imageTags: [...tags],
      imageManifest: manifest,
    });
    return imageDigest;
  };
  for (const image of options.images ?? []) addImage(image);

  const repositoryImages = (body: Record<string, unknown>): StoredImage[] => {
    const owner = typeof body['registryId'] === 'string' ? body['registryId'] : registryId;
    const name = body['repositoryName'];
    if (typeof name !== 'string' || !repositories.has(`${owner}/${name}`)) {
      throw new EcrFault(
        'RepositoryNotFoundException',
        `The repository with name '${String(name)}' does not exist in the registry with id '${owner}'`,
      );
    }
    return images.filter((i) => i.registryId === owner && i.repositoryName === name);
  };
  const find = (inRepo: readonly StoredImage[], id: ImageId): StoredImage | undefined =>
    inRepo.find(
      (i) =>
        (id.imageDigest === undefined || i.imageDigest === id.imageDigest) &&
        (id.imageTag === undefined || i.imageTags.includes(id.imageTag)) &&
        (id.imageDigest !== undefined || id.imageTag !== undefined),
    );
  const detail = (i: StoredImage): Record<string, unknown> => ({
    registryId: i.registryId,
    repositoryName: i.repositoryName,
    imageDigest: i.imageDigest,
    ...(i.imageTags.length ? { imageTags: i.imageTags } : {}),
    imageSizeInBytes: i.imageManifest.length,
    imagePushedAt: 1_700_000_000,
    imageManifestMediaType: MANIFEST_TYPE,
  });

  const handlers: Record<string, (body: Record<string, unknown>) => unknown> = {
    DescribeImages(body) {
      const inRepo = repositoryImages(body);
      const ids = (body['imageIds'] as ImageId[] | undefined) ?? undefined;
      if (!ids) return { imageDetails: inRepo.map(detail) };
      return {
        imageDetails: ids.map((id) => {
          const image = find(inRepo, id);
          if (!image) {
            throw new EcrFault(
              'ImageNotFoundException',
              `The image with imageId {imageDigest:'${id.imageDigest ?? 'null'}', imageTag:'${id.imageTag ?? 'null'}'} does not exist within the repository with name '${String(body['repositoryName'])}' in the registry with id '${inRepo[0]?.registryId ?? registryId}'`,
            );
          }
          return detail(image);
        }),
      };
    },
    BatchGetImage(body) {
      const inRepo = repositoryImages(body);
      const found: unknown[] = [];
      const failures: unknown[] = [];
      for (const id of (body['imageIds'] as ImageId[] | undefined) ?? []) {
        const image = find(inRepo, id);
        if (image) {
          found.push({
            registryId: image.registryId,
            repositoryName: image.repositoryName,
            imageId: {
              imageDigest: image.imageDigest,
              ...(id.imageTag ? { imageTag: id.imageTag } : {}),
            },
            imageManifest: image.imageManifest,
            imageManifestMediaType: MANIFEST_TYPE,
          });
        } else {
          failures.push({
            imageId: id,
            failureCode: 'ImageNotFound',
            failureReason: 'Requested image not found',
          });
        }
      }
      return { images: found, failures };
    },
  };

  const respond = (status: number, payload: unknown) =>
    jsonAnswer(status, payload, {
      'x-amzn-requestid': createHash('md5').update(String(requests.length)).digest('hex'),
    });

  const handle = (req: HttpRequest): HttpAnswer => {
    const target = String(req.headers['x-amz-target'] ?? '');
    const action = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
    let body: Record<string, unknown>;
    try {
      const raw = req.body.toString('utf8');
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return respond(400, { __type: 'SerializationException', message: 'Malformed JSON body' });
    }
    requests.push({ action, body });
    const handler = handlers[action];
    if (req.method !== 'POST' || !handler) {
      return respond(400, {
        __type: 'UnknownOperationException',
        message: `Unsupported: ${target}`,
      });
    }
    if (denied.has(action)) {
      return respond(400, {
        __type: 'AccessDeniedException',
        message: `User: arn:aws:iam::${registryId}:user/test is not authorized to perform: ecr:${action}`,
      });
    }
    return respond(200, handler(body));
  };

  const http = await startHttpEndpoint(handle, (error) =>
    error instanceof EcrFault
      ? respond(400, { __type: error.type, message: error.message })
      : respond(500, { __type: 'ServerException', message: String(error) }),
  );

  return {
    endpoint: http.url,
    registryId,
    requests,
    addImage,
    deny(actions) {
      denied = new Set(actions);
    },
    close: () => http.close(),
  };
}
