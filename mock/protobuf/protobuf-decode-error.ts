/** The kind and version a protobuf envelope names. */
export interface TypeMeta {
  apiVersion: string;
  kind: string;
}

/**
 * A protobuf body the real server could not decode. The message is the Go
 * decoder's own text (`unexpected EOF`, `proto: wrong wireType = 0 for field
 * Raw`, ...), which the server then wraps in its 400 BadRequest Status.
 */
export class ProtobufDecodeError extends Error {
  override readonly name = 'ProtobufDecodeError';

  /**
   * The envelope's kind and version once they were read. The server words its
   * 400 differently with them (`<Kind> in version "<v>" cannot be handled as
   * a ImageSignature: ...`) than without (`the object provided is
   * unrecognized ...`).
   */
  readonly typeMeta: TypeMeta | undefined;

  constructor(message: string, typeMeta?: TypeMeta) {
    super(message);
    this.typeMeta = typeMeta;
  }
}
