/** Any value JSON.parse can return. */
export type JsonValue = number | string | boolean | null | JsonObject | JsonValue[];
export type JsonObject = { [key: string]: JsonValue };
