export { PyFloat, pyFloat, isPyFloat, numberOf, isFloatLike, type PyNumber } from './pyFloat.js';
export { pyStr, pyRepr, pyStrRepr, pyFloatRepr, pyIntStr, pyNumberStr } from './pyStr.js';
export { jsonDumps } from './jsonDumps.js';
export { sagemakerTimestamp, sagemakerShortTimestamp, type TimeZoneMode } from './timestamps.js';
export { nameFromBase, baseNameFromImage, type NameClock } from './names.js';
export { s3PathJoin, parseS3Url, posixPathJoin, posixBasename } from './s3.js';
export { pyTruthy } from './truthy.js';
export { pyOr } from './pyOr.js';
export type { OrNone } from './none.js';
