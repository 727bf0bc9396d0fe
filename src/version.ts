import { version } from '../package.json';

/** This package's version, as in its package.json. */
export const VERSION: string = version;
