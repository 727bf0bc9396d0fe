/** Network settings of a processing job (Python's `sagemaker.network.NetworkConfig`). */
import { defined } from '../internal/defined.js';
import type { Templated } from '../templates.js';

/** Options of {@link NetworkConfig}. */
export interface NetworkConfigProps {
  /** @default false */
  readonly enableNetworkIsolation?: Templated<boolean> | null;
  readonly securityGroupIds?: readonly string[] | null;
  readonly subnets?: readonly string[] | null;
  readonly encryptInterContainerTraffic?: Templated<boolean> | null;
}

/** A processing job's network configuration. */
export class NetworkConfig {
  constructor(readonly props: NetworkConfigProps = {}) {}

  /** The API request members for this network configuration. */
  toRequest(): Record<string, unknown> {
    const p = this.props;
    const vpc =
      p.securityGroupIds != null || p.subnets != null
        ? defined({
            SecurityGroupIds: p.securityGroupIds ?? undefined,
            Subnets: p.subnets ?? undefined,
          })
        : undefined;
    return defined({
      EnableNetworkIsolation: p.enableNetworkIsolation ?? false,
      EnableInterContainerTrafficEncryption: p.encryptInterContainerTraffic ?? undefined,
      VpcConfig: vpc,
    });
  }
}
