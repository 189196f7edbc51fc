import { Timestamp } from "@tsgrpc/runtime";
import { Code, ResourceInfo, RpcError, Server } from "@tsgrpc/runtime/grpc";
import { Role, User } from "../gen/users/v1/users_pb.js";
import { UserService, type UserServiceImplementation } from "../gen/users/v1/users_grpc.js";

const users = new Map<string, User>([
  [
    "u1",
    new User({
      id: "u1",
      name: "Ada Lovelace",
      email: "ada@example.com",
      role: Role.ROLE_ADMIN,
      createdAt: Timestamp.fromDate(new Date("2024-01-02T03:04:05Z")),
    }),
  ],
  ["u2", new User({ id: "u2", name: "Alan Turing", email: "alan@example.com", role: Role.ROLE_MEMBER })],
]);

export const userService: UserServiceImplementation = {
  async getUser({ id }, context) {
    context.sendHeader({ "x-served-by": "demo-server" });
    const user = users.get(id);
    if (!user) {
      throw new RpcError(Code.NOT_FOUND, `user ${id} not found`, {
        details: [new ResourceInfo({ resourceType: User.typeName, resourceName: id, description: "no user has this id" })],
      });
    }
    return user;
  },

  async *listUsers({ role }) {
    for (const user of users.values()) {
      if (role === Role.ROLE_UNSPECIFIED || user.role === role) yield user;
    }
  },

  async uploadUsers(requests, context) {
    const ids: string[] = [];
    for await (const user of requests) {
      user.id = `u${users.size + 1}`;
      user.createdAt = Timestamp.now();
      users.set(user.id, user);
      ids.push(user.id);
    }
    context.setTrailer({ "x-created": String(ids.length) });
    return { created: ids.length, ids };
  },

  async *chat(messages, context) {
    const caller = context.metadata.get("x-user") ?? "stranger";
    for await (const { text } of messages) yield { from: "server", text: `${caller} said "${text}"` };
  },
};

/** A server for UserService with health checking and reflection (for grpcurl and friends). */
export async function startServer(address: string): Promise<{ server: Server; port: number }> {
  const server = new Server({ health: true, reflection: true }).add(UserService, userService);
  const port = await server.listen(address);
  return { server, port };
}
