/**
 * IAM `GetRole` and STS `GetCallerIdentity`, in the AWS query protocol (a form-encoded POST with
 * `Action` and `Version`, answered in XML) as `@aws-sdk/client-iam` and `client-sts` call them.
 * @internal
 */
import { xmlAnswer, xmlEscape, type HttpAnswer } from '../internal/httpEndpoint.js';

const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** Which query-protocol service and action a form body is, if it is one. @internal */
export function queryAction(
  body: URLSearchParams,
): { service: 'IAM' | 'STS'; action: string } | undefined {
  const action = body.get('Action');
  const version = body.get('Version');
  if (!action) return undefined;
  if (version === '2010-05-08') return { service: 'IAM', action };
  if (version === '2011-06-15') return { service: 'STS', action };
  return undefined;
}

/** Where the answers' ids come from. @internal */
export interface QueryContext {
  readonly accountId: string;
  readonly requestId: string;
  /** Epoch ms written as the roles' CreateDate. */
  readonly now: number;
  /** Role names that exist; `undefined`: every name does. */
  readonly roles: ReadonlySet<string> | undefined;
}

/** An error in the query protocol's XML (`Sender` faults: 4xx). @internal */
export function queryError(
  service: 'IAM' | 'STS',
  status: number,
  code: string,
  message: string,
  requestId: string,
): HttpAnswer {
  const ns = service === 'IAM' ? IAM_NS : STS_NS;
  return xmlAnswer(
    status,
    `<ErrorResponse xmlns="${ns}"><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
    { 'x-amzn-requestid': requestId },
  );
}

const roleId = (name: string): string =>
  `AROA${Buffer.from(name).toString('hex').toUpperCase().padEnd(17, '0').slice(0, 17)}`;

/** Answers one IAM or STS action. @internal */
export function queryApi(
  service: 'IAM' | 'STS',
  action: string,
  body: URLSearchParams,
  ctx: QueryContext,
): HttpAnswer {
  const meta = `<ResponseMetadata><RequestId>${ctx.requestId}</RequestId></ResponseMetadata>`;
  const headers = { 'x-amzn-requestid': ctx.requestId };
  if (service === 'STS' && action === 'GetCallerIdentity') {
    return xmlAnswer(
      200,
      `<GetCallerIdentityResponse xmlns="${STS_NS}"><GetCallerIdentityResult><Arn>arn:aws:iam::${ctx.accountId}:user/local</Arn><UserId>AIDALOCALUSER0000000</UserId><Account>${ctx.accountId}</Account></GetCallerIdentityResult>${meta}</GetCallerIdentityResponse>`,
      headers,
    );
  }
  if (service === 'IAM' && action === 'GetRole') {
    const name = body.get('RoleName') ?? '';
    if (name === '' || (ctx.roles && !ctx.roles.has(name))) {
      return queryError(
        'IAM',
        404,
        'NoSuchEntity',
        `The role with name ${name} cannot be found.`,
        ctx.requestId,
      );
    }
    const policy = encodeURIComponent(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'sagemaker.amazonaws.com' },
            Action: 'sts:AssumeRole',
          },
        ],
      }),
    );
    return xmlAnswer(
      200,
      `<GetRoleResponse xmlns="${IAM_NS}"><GetRoleResult><Role><Path>/</Path><RoleName>${xmlEscape(name)}</RoleName><RoleId>${roleId(name)}</RoleId><Arn>arn:aws:iam::${ctx.accountId}:role/${xmlEscape(name)}</Arn><CreateDate>${new Date(ctx.now).toISOString()}</CreateDate><AssumeRolePolicyDocument>${policy}</AssumeRolePolicyDocument><MaxSessionDuration>3600</MaxSessionDuration></Role></GetRoleResult>${meta}</GetRoleResponse>`,
      headers,
    );
  }
  return queryError(
    service,
    400,
    'InvalidAction',
    `Could not find operation ${action} for version ${body.get('Version') ?? ''}`,
    ctx.requestId,
  );
}
