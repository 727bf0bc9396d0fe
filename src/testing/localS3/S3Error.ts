/**
 * An S3 error answer: status, code and message, rendered as S3's `<Error>` XML.
 * @internal
 */
import { xmlAnswer, xmlEscape, type HttpAnswer } from '../internal/httpEndpoint.js';

/** An error the local S3 server answers with. @internal */
export class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  /** The XML answer (HEAD answers carry no body: the SDK then names a bare 404 `NotFound`). */
  answer(): HttpAnswer {
    return xmlAnswer(
      this.status,
      `<Error><Code>${this.code}</Code><Message>${xmlEscape(this.message)}</Message></Error>`,
    );
  }
}
