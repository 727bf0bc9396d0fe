/**
 * `modelRequest`: the CreateModel request Python's `Model._create_sagemaker_model` sends (through
 * `Session.create_model`), with its code staging and the role to expand as data.
 */
import type { AnyModel } from '../estimators/Model.js';
import { formatTags } from '../estimators/tags.js';
import type { Tags } from '../estimators/types.js';
import { pyTruthy } from '../pythonCompat/truthy.js';
import {
  modelContainer,
  type ModelCodeSettings,
  type ModelPlan,
  type ModelTarget,
} from './modelContainer.js';

/** A CreateModel request and what must happen before it is sent. */
export interface DirectModel {
  readonly plan: ModelPlan;
  /** The request, its `ExecutionRoleArn` as configured. */
  readonly request: Record<string, unknown>;
  /** The role as configured: a name without `/` is expanded with IAM GetRole. */
  readonly role: unknown;
}

/**
 * Python's CreateModel request for `model`: name, primary container, then tags, VPC and network
 * isolation when set.
 * @throws the errors of {@link modelContainer}.
 */
export function modelRequest(
  model: AnyModel,
  target: ModelTarget = {},
  settings: ModelCodeSettings = {},
  tags?: Tags | null,
): DirectModel {
  const plan = modelContainer(model, target, settings);
  const role = settings.role ?? model.role ?? null;
  const isolation = settings.enableNetworkIsolation ?? model.enableNetworkIsolation;
  const formatted = formatTags(tags, 'tags');
  const request: Record<string, unknown> = {
    ModelName: plan.name,
    ExecutionRoleArn: role,
    PrimaryContainer: plan.container,
  };
  if (formatted && formatted.length > 0) request.Tags = formatted;
  if (pyTruthy(model.vpcConfig)) request.VpcConfig = model.vpcConfig;
  if (pyTruthy(isolation)) request.EnableNetworkIsolation = isolation;
  return { plan, request, role };
}
