import { Code, HealthClient, ResourceInfo, RpcError, ServerReflectionClient, ServingStatus, type CallOptions } from "@tsgrpc/runtime/grpc";
import { Role, type User } from "../gen/users/v1/users_pb.js";
import { UserServiceClient } from "../gen/users/v1/users_grpc.js";

/** Prints one transcript line: what kind of call, and what happened. */
export type Print = (kind: string, line: string) => void;

const show = (u: User) => `${u.id} ${u.name} <${u.email}> ${Role[u.role]}${u.createdAt ? ` since ${u.createdAt.toDate().toISOString()}` : ""}`;

/** Calls every method of UserService once, the last one failing on purpose. */
export async function callUsers(target: string, print: Print): Promise<void> {
  const client = new UserServiceClient(target);
  // Every call gets a deadline and metadata; the server sees both in its CallContext.
  const options: CallOptions = { timeoutMs: 5_000, metadata: { "x-user": "demo-client" } };
  try {
    const ada = await client.getUser({ id: "u1" }, { ...options, onHeader: (h) => print("unary", `header x-served-by: ${h.get("x-served-by")}`) });
    print("unary", `GetUser(u1) -> ${show(ada)}`);

    for await (const user of client.listUsers({}, options)) print("server-streaming", `ListUsers -> ${show(user)}`);

    const newcomers = [
      { name: "Grace Hopper", email: "grace@example.com", role: Role.ROLE_ADMIN },
      { name: "Edsger Dijkstra", email: "ewd@example.com", role: Role.ROLE_MEMBER },
    ];
    const summary = await client.uploadUsers(newcomers, {
      ...options,
      onTrailer: (t) => print("client-streaming", `trailer x-created: ${t.get("x-created")}`),
    });
    print("client-streaming", `UploadUsers(${newcomers.length} users) -> created ${summary.created}: ${summary.ids.join(", ")}`);

    for await (const reply of client.chat([{ text: "hello" }, { text: "how are you?" }], options))
      print("bidi-streaming", `Chat -> ${reply.from}: ${reply.text}`);

    try {
      await client.getUser({ id: "u404" }, options);
    } catch (error) {
      if (!(error instanceof RpcError)) throw error;
      const [info] = error.findDetails(ResourceInfo);
      print(
        "error",
        `GetUser(u404) -> ${Code[error.code]} "${error.message}", details: ResourceInfo ${info?.resourceType}/${info?.resourceName} (${info?.description})`,
      );
    }
  } finally {
    client.close();
  }
}

/** Asks the health service about UserService, and reflection for every service, as probes and grpcurl do. */
export async function inspectServer(target: string, print: Print): Promise<void> {
  const health = new HealthClient(target);
  const reflection = new ServerReflectionClient(target);
  try {
    const { status } = await health.check({ service: "users.v1.UserService" }, { timeoutMs: 1_000 });
    print("health", `users.v1.UserService is ${ServingStatus[status]}`);
    const listServices = [{ messageRequest: { case: "listServices", value: "" } }] as const;
    for await (const { messageResponse: r } of reflection.serverReflectionInfo(listServices, { timeoutMs: 1_000 })) {
      if (r.case === "listServicesResponse") print("reflection", `services: ${r.value.service.map((s) => s.name).join(", ")}`);
    }
  } finally {
    health.close();
    reflection.close();
  }
}
