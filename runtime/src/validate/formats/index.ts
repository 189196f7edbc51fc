/** Format checks shared by the string rules of generated validators (and custom CEL functions). */
export { isEmail, isHostAndPort, isHostname } from "./hostname.js";
export { isIp, isIpPrefix } from "./ip.js";
export { isUri, isUriRef } from "./uri.js";
export { isHeaderName, isHeaderValue, isProtobufDotFqn, isProtobufFqn, isTuuid, isUlid, isUuid } from "./ids.js";
