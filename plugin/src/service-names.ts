import type { DescMethod, DescService } from "@bufbuild/protobuf";
import { protoCamelCase } from "@bufbuild/protobuf/reflect";
import { escape, identifierStart, reservedTypeNames, settleNames } from "./names.js";

/**
 * Names a method takes on the client, the implementation and the definition's
 * `methods`: one name everywhere, so a user never guesses which escape applies.
 */
const reservedMethodNames = new Set([
  // Object.prototype and the class syntax: shadowing them breaks objects and classes
  "constructor",
  "__proto__",
  "toString",
  "toLocaleString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
  // the runtime Client's own members
  "close",
  "waitForReady",
  // a `then` method makes an object a thenable: `await client` would call it
  "then",
]);

/**
 * lowerCamelCase method name, `$`-suffixed when it would shadow one of the
 * names above. Methods of one service whose names come out equal (`Ping`,
 * `ping`) are settled in declaration order: the first keeps the name, the
 * others get `$` until it is unique (`ping$`).
 */
export function methodName(method: DescMethod): string {
  return methodNames(method.parent).get(method)!;
}

const namesOfMethods = new WeakMap<DescService, Map<DescMethod, string>>();

function methodNames(service: DescService): Map<DescMethod, string> {
  let names = namesOfMethods.get(service);
  if (!names) {
    names = settleNames(service.methods, (m) => {
      const camel = protoCamelCase(m.name);
      const name = camel.charAt(0).toLowerCase() + camel.slice(1);
      return reservedMethodNames.has(name) ? name + "$" : identifierStart(name);
    });
    namesOfMethods.set(service, names);
  }
  return names;
}

/**
 * The exported names generated for a service: definition, server interface,
 * client class. The definition is the service name (escaped like a class
 * name: `class` → `class$`); a derived name that
 * another service of the file already has (`Foo`'s client vs a service
 * `FooClient`) gets a `$` (`FooClient$`), so the file's services alone decide it.
 */
export function serviceNames(service: DescService): { definition: string; implementation: string; client: string } {
  const derived = (name: string) => (service.file.services.some((s) => s.name === name) ? name + "$" : name);
  return {
    definition: escape(service.name, reservedTypeNames),
    implementation: derived(service.name + "Implementation"),
    client: derived(service.name + "Client"),
  };
}
