// A resolve hook that makes the optional peers unresolvable, as on a machine where they are not
// installed: `node --import tsx --import ./hidePeers.mjs <script>`.
import { register } from 'node:module';

const hook = `
export async function resolve(specifier, context, next) {
  if (/^(@aws-sdk\\/(client-sagemaker|client-s3|client-cloudwatch-logs|client-sts|client-iam|client-ecr|lib-storage)|tar)(\\/|$)/.test(specifier)) {
    const error = new Error("Cannot find package '" + specifier + "' imported from " + context.parentURL);
    error.code = 'ERR_MODULE_NOT_FOUND';
    throw error;
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
