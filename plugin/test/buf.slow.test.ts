import { bufGenerate, tempDir } from "./compilers";

const template = (opt: string[]) => ({
  version: "v2",
  plugins: [{ local: ["node", "plugin/bin/protoc-gen-tsgrpc"], out: "out", opt }],
});

describe("protoc-gen-tsgrpc under buf", () => {
  // A successful `buf generate` of every fixture is the golden test (golden.slow.test.ts).
  it("reports a bad parameter as an error naming it", () => {
    const r = bufGenerate(tempDir(), template(["target=ts", "long_type=huge"]));
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('invalid option "long_type=huge": invalid value "huge" for option "long_type"');
  });
});
