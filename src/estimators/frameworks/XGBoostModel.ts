/** XGBoost framework-mode inference models (Python's `sagemaker.xgboost.model.XGBoostModel`). */
import { MissingOptionError } from '../../errors.js';
import { xgboostRegistry } from '../../imageUris/generated/registries/xgboost.js';
import { optionalString } from '../../internal/check.js';
import type { FrameworkModelProps } from '../Model.js';
import { RegistryFrameworkModel } from './RegistryFrameworkModel.js';
import { validateXGBoostVersions } from './xgboostVersions.js';

/** Options of {@link XGBoostModel}. */
export interface XGBoostModelProps extends FrameworkModelProps {
  /** XGBoost version, e.g. `1.7-1`. */
  readonly frameworkVersion: string;
  /** Python version; only `py3` exists. @default 'py3' */
  readonly pyVersion?: string;
}

/** A model served by the XGBoost framework container. */
export class XGBoostModel extends RegistryFrameworkModel {
  override readonly frameworkVersion: string;
  override readonly pyVersion: string;

  /** @throws {@link sagemaker-workflow!MissingOptionError} without a version; {@link sagemaker-workflow!ValidationError} for py2 or XGBoost 1.1. */
  constructor(props: XGBoostModelProps) {
    const owner = 'XGBoostModel';
    super(props, owner, { registry: xgboostRegistry, withPyVersion: false });
    const pyVersion = optionalString(`${owner}.pyVersion`, props.pyVersion) ?? 'py3';
    const version = optionalString(`${owner}.frameworkVersion`, props.frameworkVersion);
    validateXGBoostVersions(owner, pyVersion, version);
    if (version === undefined)
      throw new MissingOptionError(`${owner}.frameworkVersion`, 'the XGBoost version is required');
    this.frameworkVersion = version;
    this.pyVersion = pyVersion;
  }
}
