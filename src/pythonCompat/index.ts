/**
 * `sagemaker-workflow/python-compat`: the Python SDK's formatting and naming, for code that must
 * write exactly what Python writes (job names, timestamps, `str()` and `repr()` of values,
 * `json.dumps`, S3 paths). The config builders use them; most applications never need them.
 *
 * @module sagemaker-workflow/python-compat
 */
export { PyFloat, pyFloat, isPyFloat, type PyNumber } from './pyFloat.js';
export { pyStr, pyRepr } from './pyStr.js';
export { jsonDumps } from './jsonDumps.js';
export { sagemakerTimestamp, sagemakerShortTimestamp, type TimeZoneMode } from './timestamps.js';
export { nameFromBase, baseNameFromImage, type NameClock } from './names.js';
export { s3PathJoin, parseS3Url } from './s3.js';
