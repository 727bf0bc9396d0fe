/** XGBoost framework-mode training (Python's `sagemaker.xgboost.estimator.XGBoost`). */
import { MissingOptionError } from '../../errors.js';
import { xgboostRegistry } from '../../imageUris/generated/registries/xgboost.js';
import type { ImageRegistry } from '../../imageUris/registryData.js';
import { retrieveFor } from '../../imageUris/retrieveFor.js';
import { optionalString } from '../../internal/check.js';
import { checkOptionsObject } from '../../internal/checkInput.js';
import {
  Framework,
  type FrameworkModelRequest,
  type FrameworkProps,
  type PythonClass,
} from './Framework.js';
import { XGBoostModel } from './XGBoostModel.js';
import { validateXGBoostVersions } from './xgboostVersions.js';

/** Options of {@link XGBoost}. */
export interface XGBoostProps extends FrameworkProps {
  /** XGBoost version, e.g. `1.7-1`. */
  readonly frameworkVersion: string;
  /** Python version; only `py3` exists. @default 'py3' */
  readonly pyVersion?: string;
  /** Region of the looked-up image. @default - the session's region */
  readonly imageUriRegion?: string;
}

const OWNER = 'XGBoost';

/**
 * An XGBoost training job running a user script. The image is looked up at construction and,
 * as in Python, also serves the model the estimator creates.
 * @example
 * const xgb = new XGBoost({ session, role, entryPoint: 'train.py', frameworkVersion: '1.7-1',
 *   instanceCount: 1, instanceType: 'ml.m5.xlarge' });
 */
export class XGBoost extends Framework {
  readonly pythonClass: PythonClass = { name: 'XGBoost', module: 'sagemaker.xgboost.estimator' };

  /** @throws {@link sagemaker-workflow!MissingOptionError} without a version; {@link sagemaker-workflow!ValidationError} for py2 or XGBoost 1.1. */
  constructor(props: XGBoostProps) {
    // Checked before the spread below: spreading a 10^7-character string copies every character.
    checkOptionsObject(OWNER, props);
    const pyVersion = props?.pyVersion ?? 'py3';
    const imageUri = optionalString(`${OWNER}.imageUri`, props?.imageUri);
    super({ ...props, pyVersion }, OWNER, { imageUri });
    const version = this.frameworkVersion;
    if (version === undefined)
      throw new MissingOptionError(`${OWNER}.frameworkVersion`, 'the XGBoost version is required');
    validateXGBoostVersions(OWNER, pyVersion, version);
    if (imageUri === undefined) {
      (this as { imageUri: string | undefined }).imageUri = retrieveFor(xgboostRegistry, {
        region:
          optionalString(`${OWNER}.imageUriRegion`, props.imageUriRegion) ?? props.session.region,
        version,
        pyVersion,
        instanceType: this.options.instanceType,
        imageScope: 'training',
      });
    }
  }

  protected get registry(): ImageRegistry {
    return xgboostRegistry;
  }

  /** The XGBoost model of the trained job (on the training image, as in Python). */
  createModel(request: FrameworkModelRequest): XGBoostModel {
    return new XGBoostModel({
      ...this.modelProps(request),
      frameworkVersion: this.frameworkVersion as string,
      ...(this.pyVersion !== undefined && { pyVersion: this.pyVersion }),
    });
  }
}
