/**
 * A codec under test. The timed loops are compiled per peer and message from
 * the `encode` / `decode` expressions (see timing.ts), so every call site in
 * a loop sees one peer and one message type, as in a real program.
 */
export interface Peer {
  readonly name: string;
  /** What the expressions may reference as `lib`. */
  readonly lib: object;
  /** The peer's generated type for a fully qualified message name: `T` in the expressions. */
  type(typeName: string): unknown;
  /** Turns the reference encoding into this peer's input: `b` in `decode` (bytes, JSON text or a parsed JSON object). */
  input(typeName: string, reference: Uint8Array): unknown;
  /** Expression of `lib`, `T`, `b`: decodes `b`. */
  readonly decode: string;
  /** Expression of `lib`, `T`, `m`: encodes the message `m` that `decode` returned. */
  readonly encode: string;
  /** Content of a decoded message, in a form `canonical()` compares across peers. */
  content(typeName: string, decoded: unknown): unknown;
  /** Decodes this peer's encoding with the reference codec, to check what it wrote. */
  readonly readBack: (typeName: string, encoded: unknown) => unknown;
  /**
   * The peer claims canonical ProtoJSON: what it writes must equal, character
   * for character, protobuf-es's JSON of the same message (objects compared as
   * their JSON text), not just read back to the same content.
   */
  readonly canonicalText?: boolean;
}
