import { ValidationError } from '../errors.js';

/** The parts of an ECR image URI. */
export interface EcrImageUri {
  /** The account id (`763104351884`). */
  readonly registryId: string;
  readonly region: string;
  /** `<registryId>.dkr.ecr.<region>.<domain>` */
  readonly host: string;
  readonly repositoryName: string;
  /** @default - none given (Docker then means `latest`) */
  readonly tag?: string;
  /** `sha256:<64 hex>` @default - none given */
  readonly digest?: string;
}

const ECR_URI =
  /^(?<registryId>\d{12})\.dkr\.ecr(?:-fips)?\.(?<region>[a-z0-9-]+)\.(?<domain>[a-z0-9.-]+)\/(?<repo>[a-z0-9][a-z0-9._/-]*?)(?::(?<tag>[\w][\w.-]{0,127}))?(?:@(?<digest>sha256:[0-9a-f]{64}))?$/;

/**
 * Splits an ECR image URI into registry, region, repository, tag and digest.
 * @throws {ValidationError} when `uri` is not an ECR image URI.
 * @example parseImageUri('763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.1-gpu-py310')
 */
export function parseImageUri(uri: string): EcrImageUri {
  const m = ECR_URI.exec(uri);
  const g = m?.groups;
  if (!g) {
    throw new ValidationError(
      'imageUri',
      uri,
      'an ECR image URI <account>.dkr.ecr.<region>.<domain>/<repository>[:<tag>][@sha256:<digest>]',
    );
  }
  return {
    registryId: g['registryId'] ?? '',
    region: g['region'] ?? '',
    host: uri.slice(0, uri.indexOf('/')),
    repositoryName: g['repo'] ?? '',
    ...(g['tag'] ? { tag: g['tag'] } : {}),
    ...(g['digest'] ? { digest: g['digest'] } : {}),
  };
}
