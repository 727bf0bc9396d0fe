/**
 * Training inputs to `InputDataConfig` channels, as Python's `_Job._format_inputs_to_input_config`
 * and `_prepare_channel` do it on the Airflow path (URIs are not validated: templates pass).
 */
import type { Channel } from '@aws-sdk/client-sagemaker';
import { OptionTypeError, ValidationError } from '../errors.js';
import {
  FileSystemInput,
  TrainingInput,
  isRecordSetChannel,
  type ChannelConfig,
  type ChannelInput,
  type TrainingInputs,
} from '../estimators/inputs.js';
import { copyOf } from '../internal/copyOf.js';
import type { Templated } from '../templates.js';

/** A channel as the builders write it. */
export type ChannelRequest = Channel;

const isChannelInput = (v: unknown): v is ChannelInput =>
  v instanceof TrainingInput || v instanceof FileSystemInput;

function named(name: string, config: ChannelConfig): ChannelRequest {
  // `{ ...config, ChannelName: name }`, built as V8 builds it fast (see copyOf).
  const channel: ChannelRequest = copyOf(config) as ChannelRequest;
  channel.ChannelName = name;
  return channel;
}

function sourceToConfig(option: string, source: unknown): ChannelConfig {
  if (typeof source === 'string') return new TrainingInput({ s3Data: source }).toChannel();
  if (isChannelInput(source)) return source.toChannel();
  throw new ValidationError(
    option,
    source,
    'an S3 URI string, a TrainingInput or a FileSystemInput',
  );
}

/** `InputDataConfig` for the given inputs, or `undefined` when there are none. */
export function formatInputs(
  inputs: TrainingInputs | undefined | null,
): ChannelRequest[] | undefined {
  if (inputs === undefined || inputs === null) return undefined;
  if (isRecordSetChannel(inputs)) return [named(inputs.channel, inputs.toChannel())];
  if (typeof inputs === 'string' || isChannelInput(inputs))
    return [named('training', sourceToConfig('inputs', inputs))];
  if (Array.isArray(inputs)) {
    const seen = new Set<string>();
    return inputs.map((record: unknown, i) => {
      if (!isRecordSetChannel(record)) {
        throw new ValidationError(
          `inputs[${i}]`,
          record,
          'a RecordSet or FileSystemRecordSet (lists hold record sets only)',
        );
      }
      if (seen.has(record.channel)) {
        throw new ValidationError(
          `inputs[${i}].channel`,
          record.channel,
          'a channel name not used by another record set',
        );
      }
      seen.add(record.channel);
      return named(record.channel, record.toChannel());
    });
  }
  if (typeof inputs === 'object') {
    return Object.entries(inputs as Record<string, unknown>).map(([name, source]) =>
      named(name, sourceToConfig(`inputs.${name}`, source)),
    );
  }
  throw new OptionTypeError(
    'inputs',
    inputs,
    'an S3 URI, a TrainingInput, a FileSystemInput, an object of channels or record sets',
  );
}

/**
 * An extra S3 channel (the model or the code channel), refused without a name or when the name is
 * taken, as Python refuses it.
 */
export function extraChannel(
  existing: readonly ChannelRequest[] | undefined,
  uri: Templated<string> | undefined,
  name: string | undefined,
  option: string,
  extra: { readonly contentType?: string; readonly inputMode?: 'File' } = {},
): ChannelRequest | undefined {
  if (!uri) return undefined;
  if (!name) throw new ValidationError(option, name, `a channel name for ${uri}`);
  if (existing?.some((c) => c.ChannelName === name)) {
    throw new ValidationError(option, name, 'a channel name not already used by the inputs');
  }
  const input = new TrainingInput({
    s3Data: uri,
    ...(extra.contentType !== undefined ? { contentType: extra.contentType } : {}),
    ...(extra.inputMode !== undefined ? { inputMode: extra.inputMode } : {}),
  });
  return named(name, input.toChannel());
}
