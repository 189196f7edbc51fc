/**
 * Lays out text format output: one field per line, nested messages indented
 * (`name {` ... `}`), or everything on one line separated by spaces.
 */
export class Printer {
  private out = "";
  private level = 0;

  constructor(
    private readonly singleLine: boolean,
    private readonly indent: string,
  ) {}

  /** `name: value`. */
  field(name: string, value: string): void {
    this.line(`${name}: ${value}`);
  }

  /** `name {`, then the fields of a nested message up to close(). */
  open(name: string): void {
    this.line(`${name} {`);
    this.level++;
  }

  close(): void {
    this.level--;
    this.line("}");
  }

  /** Nesting of the message being printed: a deep or cyclic message is caught by the writer. */
  get depth(): number {
    return this.level;
  }

  finish(): string {
    return this.out;
  }

  private line(s: string): void {
    if (this.singleLine) this.out += this.out === "" ? s : " " + s;
    else this.out += this.indent.repeat(this.level) + s + "\n";
  }
}
