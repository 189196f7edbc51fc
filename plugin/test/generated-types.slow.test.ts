/**
 * The shape of generated code as the type checker sees it (ts-morph): client method signatures per call
 * kind, the implementation interface, oneof unions. Read from testdata/gen, which the golden test keeps
 * equal to what the plugin writes now.
 */
import { join } from "node:path";
import { Project, ts, type ClassDeclaration, type InterfaceDeclaration, type MethodSignature, type MethodDeclaration } from "ts-morph";

const root = join(__dirname, "..", "..");
const project = new Project({ tsConfigFilePath: join(root, "tsconfig.json"), skipAddingFilesFromTsConfig: true });
const grpcFile = project.addSourceFileAtPath(join(root, "testdata/gen/rpc/v1/echo_grpc.ts"));
const userFile = project.addSourceFileAtPath(join(root, "testdata/gen/users/v1/user_service_pb.ts"));
project.resolveSourceFileDependencies();

/** `(params) => return` of a method, types as the checker prints them. */
function signature(method: MethodDeclaration | MethodSignature): string {
  const params = method.getParameters().map((p) => `${p.getName()}${p.isOptional() ? "?" : ""}: ${p.getType().getText(p)}`);
  return `(${params.join(", ")}) => ${method.getReturnType().getText(method)}`;
}

describe("generated client", () => {
  const client: ClassDeclaration = grpcFile.getClassOrThrow("EchoServiceClient");
  it.each([
    ["echo", "(request: PartialMessage<EchoRequest>, options?: CallOptions | undefined) => Promise<EchoResponse>"],
    ["expand", "(request: PartialMessage<ExpandRequest>, options?: CallOptions | undefined) => AsyncIterable<EchoResponse>"],
    ["collect", "(requests: RequestStream<EchoRequest>, options?: CallOptions | undefined) => Promise<CollectResponse>"],
    ["chat", "(requests: RequestStream<EchoRequest>, options?: CallOptions | undefined) => AsyncIterable<EchoResponse>"],
  ])("%s has the signature of its call kind", (name, expected) => {
    expect(signature(client.getMethodOrThrow(name))).toBe(expected);
  });

  it("extends the runtime's Client, whose call helpers stay protected", () => {
    expect(client.getBaseClassOrThrow().getName()).toBe("Client");
    const base = client.getBaseClassOrThrow();
    for (const helper of ["$unary", "$serverStreaming", "$clientStreaming", "$bidiStreaming"])
      expect(base.getMethodOrThrow(helper).getScope()).toBe("protected");
  });
});

describe("generated implementation interface", () => {
  const impl: InterfaceDeclaration = grpcFile.getInterfaceOrThrow("EchoServiceImplementation");
  it.each([
    ["echo", "(request: EchoRequest, context: CallContext) => Promise<EchoResponse | PartialMessage<EchoResponse>>"],
    ["expand", "(request: ExpandRequest, context: CallContext) => AsyncIterable<EchoResponse | PartialMessage<EchoResponse>>"],
    ["collect", "(requests: AsyncIterable<EchoRequest>, context: CallContext) => Promise<CollectResponse | PartialMessage<CollectResponse>>"],
    ["chat", "(requests: AsyncIterable<EchoRequest>, context: CallContext) => AsyncIterable<EchoResponse | PartialMessage<EchoResponse>>"],
  ])("%s takes the request(s) and a context and answers with messages or partial ones", (name, expected) => {
    expect(signature(impl.getMethodOrThrow(name))).toBe(expected);
  });
});

describe("generated oneof", () => {
  it("is a union discriminated by `case`, one member per field plus the empty case", () => {
    const contact = userFile.getClassOrThrow("User").getPropertyOrThrow("contact").getType();
    expect(contact.isUnion()).toBe(true);
    const members = contact.getUnionTypes().map((t) => {
      const c = t.getPropertyOrThrow("case").getTypeAtLocation(userFile);
      const v = t.getPropertyOrThrow("value").getTypeAtLocation(userFile);
      return `${c.getText()} → ${v.getText(userFile)}`;
    });
    expect(members.sort()).toEqual(['"email" → string', '"phone" → string', '"postal" → Address', "undefined → undefined"]);
  });
});

describe("what a user's code may and may not do (compiled against the generated code)", () => {
  it("narrows oneofs, types call results and rejects wrong requests", () => {
    const probe = project.createSourceFile(
      join(root, "testdata/gen/__probe__.ts"),
      `import { EchoServiceClient, type EchoServiceImplementation } from "./rpc/v1/echo_grpc.js";
       import { User } from "./users/v1/user_service_pb.js";
       declare const client: EchoServiceClient;
       export async function use(u: User) {
         const r: string = (await client.echo({ text: "x" })).text;
         for await (const m of client.expand({ count: 2 })) m.sequence satisfies bigint;
         if (u.contact.case === "postal") u.contact.value.city satisfies string;
         // @ts-expect-error a oneof member's value is only known once its case is checked
         u.contact.value.city;
         // @ts-expect-error requests are typed
         await client.echo({ text: 5 });
         // @ts-expect-error a client-streaming method takes a stream, not one message
         await client.collect({ text: "x" });
         return r;
       }
       export const impl: Pick<EchoServiceImplementation, "echo"> = {
         // a partial message is a valid answer
         async echo(request) { return { text: request.text }; },
       };`,
      { overwrite: true },
    );
    const diagnostics = probe
      .getPreEmitDiagnostics()
      .map((d) => `${d.getLineNumber()}: ${ts.flattenDiagnosticMessageText(d.compilerObject.messageText, "\n")}`);
    expect(diagnostics).toEqual([]);
  });
});
