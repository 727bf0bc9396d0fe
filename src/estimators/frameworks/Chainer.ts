/** Chainer training (Python's `sagemaker.chainer.estimator.Chainer`). */
import { chainerRegistry } from '../../imageUris/generated/registries/chainer.js';
import type { ImageRegistry } from '../../imageUris/registryData.js';
import { pyTruthy } from '../../pythonCompat/truthy.js';
import type { Templated } from '../../templates.js';
import type { PyValue } from '../types.js';
import { ChainerModel } from './ChainerModel.js';
import {
  Framework,
  validateVersionOrImage,
  type FrameworkJob,
  type FrameworkModelRequest,
  type FrameworkProps,
  type PythonClass,
} from './Framework.js';

/** Options of {@link Chainer}. */
export interface ChainerProps extends FrameworkProps {
  /** Run the script with MPI. @default - not sent */
  readonly useMpi?: Templated<boolean>;
  /** Number of MPI processes. @default - not sent */
  readonly numProcesses?: Templated<number>;
  /** MPI process slots per host. @default - not sent */
  readonly processSlotsPerHost?: Templated<number>;
  /** Extra `mpirun` options. @default - not sent */
  readonly additionalMpiOptions?: Templated<string>;
}

/**
 * A Chainer training job running a user script.
 * @example
 * const ch = new Chainer({ session, role, entryPoint: 'train.py', frameworkVersion: '5.0.0',
 *   pyVersion: 'py3', instanceCount: 1, instanceType: 'ml.c5.xlarge', useMpi: true });
 */
export class Chainer extends Framework {
  readonly pythonClass: PythonClass = { name: 'Chainer', module: 'sagemaker.chainer.estimator' };
  readonly useMpi: Templated<boolean> | undefined;
  readonly numProcesses: Templated<number> | undefined;
  readonly processSlotsPerHost: Templated<number> | undefined;
  readonly additionalMpiOptions: Templated<string> | undefined;

  /** @throws {@link sagemaker-workflow!MissingOptionError} without versions and image. */
  constructor(props: ChainerProps) {
    validateVersionOrImage('Chainer', props?.frameworkVersion, props?.pyVersion, props?.imageUri);
    super(props, 'Chainer');
    this.useMpi = props.useMpi ?? undefined;
    this.numProcesses = props.numProcesses ?? undefined;
    this.processSlotsPerHost = props.processSlotsPerHost ?? undefined;
    this.additionalMpiOptions = props.additionalMpiOptions ?? undefined;
  }

  protected get registry(): ImageRegistry {
    return chainerRegistry;
  }

  /** The MPI settings that are set (Python drops the falsy ones). */
  protected override additionalHyperparameters(
    _job: FrameworkJob | undefined,
  ): Record<string, PyValue> {
    const all: Record<string, PyValue | undefined> = {
      sagemaker_use_mpi: this.useMpi,
      sagemaker_num_processes: this.numProcesses,
      sagemaker_process_slots_per_host: this.processSlotsPerHost,
      sagemaker_additional_mpi_options: this.additionalMpiOptions,
    };
    return Object.fromEntries(Object.entries(all).filter(([, v]) => pyTruthy(v))) as Record<
      string,
      PyValue
    >;
  }

  /** The Chainer model of the trained job. */
  createModel(request: FrameworkModelRequest): ChainerModel {
    return new ChainerModel({
      ...this.modelProps(request),
      ...(this.pyVersion !== undefined && { pyVersion: this.pyVersion }),
      ...(this.frameworkVersion !== undefined && { frameworkVersion: this.frameworkVersion }),
    });
  }
}
