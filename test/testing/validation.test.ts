/**
 * The local SageMaker judges requests as the service does: the model's constraints in its
 * ValidationException wording, duplicates and unknown names, SageMaker's name and ARN shapes.
 */
import {
  CreateModelCommand,
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
  StopTrainingJobCommand,
} from '@aws-sdk/client-sagemaker';
import { describe, expect, test } from 'vitest';
import {
  knnTraining,
  withLocalEndpointsEachTest,
  TWO_CLUSTERS,
  type LocalEndpoints,
} from './localEndpoints.js';

let e: LocalEndpoints;
withLocalEndpointsEachTest((started) => {
  e = started;
  e.s3.putObject('bucket', 'train/data.csv', TWO_CLUSTERS);
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('the request was accepted');
    },
    (error: unknown) => error as { name: string; message: string },
  );

describe('service-model constraints', () => {
  test('51 tags are refused with the ValidationException SageMaker words; 50 are accepted', async () => {
    // GIVEN a request with 51 tags
    const tags = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    // WHEN it is sent
    const error = await refusal(
      e.sagemaker.send(new CreateTrainingJobCommand(knnTraining('tags-51', { Tags: tags }))),
    );
    // THEN SageMaker's wording names the member and the bound; nothing was created
    expect(error.name).toBe('ValidationException');
    expect(error.message).toMatch(
      /^1 validation error detected: Value '\[\{Key=k0, Value=v\}, .*\]' at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50$/,
    );
    expect(e.local.names('training')).toStrictEqual([]);
    // AND 50 tags pass
    await e.sagemaker.send(
      new CreateTrainingJobCommand(knnTraining('tags-50', { Tags: tags.slice(0, 50) })),
    );
    expect(e.local.names('training')).toStrictEqual(['tags-50']);
  });

  test('several problems at once: pattern, enum and range, counted and joined by "; "', async () => {
    const request = knnTraining('bad_name!', {
      ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.nope', VolumeSizeInGB: 30 },
      StoppingCondition: { MaxRuntimeInSeconds: 0 },
    });
    const error = await refusal(e.sagemaker.send(new CreateTrainingJobCommand(request)));
    expect(error.name).toBe('ValidationException');
    const [head, ...rest] = error.message.split('; ');
    expect(head).toBe(
      "3 validation errors detected: Value 'bad_name!' at 'trainingJobName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}",
    );
    expect(rest[0]).toMatch(
      /^Value 'ml\.nope' at 'resourceConfig\.instanceType' failed to satisfy constraint: Member must satisfy enum value set: \[ml\.m4\.xlarge, /,
    );
    expect(rest[1]).toBe(
      "Value '0' at 'stoppingCondition.maxRuntimeInSeconds' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });

  test('a list member is named by its 1-based index, as Coral names it', async () => {
    const request = knnTraining('list-member');
    request.InputDataConfig[0].ChannelName = '';
    const error = await refusal(e.sagemaker.send(new CreateTrainingJobCommand(request)));
    expect(error.message).toContain(
      "Value '' at 'inputDataConfig.1.member.channelName' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  test('a missing required member is "Value null ... Member must not be null"', async () => {
    const { RoleArn: _, ...request } = knnTraining('no-role');
    const error = await refusal(e.sagemaker.send(new CreateTrainingJobCommand(request)));
    expect(error.message).toBe(
      "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null",
    );
  });
});

describe('names', () => {
  test('a duplicate job name is ResourceInUse; an unknown one is not found', async () => {
    await e.sagemaker.send(new CreateTrainingJobCommand(knnTraining('dup')));
    const duplicate = await refusal(
      e.sagemaker.send(new CreateTrainingJobCommand(knnTraining('dup'))),
    );
    expect(duplicate.name).toBe('ResourceInUse');
    expect(duplicate.message).toContain(
      'arn:aws:sagemaker:us-east-1:123456789012:training-job/dup',
    );
    const describe = await refusal(
      e.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: 'nope' })),
    );
    expect([describe.name, describe.message]).toStrictEqual([
      'ValidationException',
      'Requested resource not found.',
    ]);
    const stop = await refusal(
      e.sagemaker.send(new StopTrainingJobCommand({ TrainingJobName: 'nope' })),
    );
    expect(stop.name).toBe('ResourceNotFound');
  });

  test('a duplicate model is the ValidationException "Cannot create already existing model"', async () => {
    e.s3.putObject('bucket', 'm/model.tar.gz', 'x');
    const model = {
      ModelName: 'm',
      ExecutionRoleArn: 'arn:aws:iam::123456789012:role/SageMakerRole',
      PrimaryContainer: { Image: 'img', ModelDataUrl: 's3://bucket/m/model.tar.gz' },
    };
    await e.sagemaker.send(new CreateModelCommand(model));
    const error = await refusal(e.sagemaker.send(new CreateModelCommand(model)));
    expect([error.name, error.message]).toStrictEqual([
      'ValidationException',
      'Cannot create already existing model "arn:aws:sagemaker:us-east-1:123456789012:model/m" (m).',
    ]);
  });
});
