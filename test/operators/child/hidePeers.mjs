// A resolve hook that makes the optional peers unresolvable, as on a machine where they are not
// installed: `node --import tsx --import ./hidePeers.mjs <script>`. It hides them from `import`
// (the hook) and from `require` (Node 20's hooks do not see `require`, so its resolver is wrapped).
import Module, { register } from 'node:module';

const PEERS =
  '^(@aws-sdk\\/(client-sagemaker|client-s3|client-cloudwatch-logs|client-sts|client-iam|client-ecr|lib-storage)|tar)(\\/|$)';

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (new RegExp(PEERS).test(request)) {
    const error = new Error(`Cannot find module '${request}'`);
    error.code = 'MODULE_NOT_FOUND';
    throw error;
  }
  return resolveFilename.call(this, request, ...rest);
};

const hook = `
export async function resolve(specifier, context, next) {
  if (new RegExp(${JSON.stringify(PEERS)}).test(specifier)) {
    const error = new Error("Cannot find package '" + specifier + "' imported from " + context.parentURL);
    error.code = 'ERR_MODULE_NOT_FOUND';
    throw error;
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
