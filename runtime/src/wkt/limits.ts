/** 0001-01-01T00:00:00Z, the earliest Timestamp the JSON mapping allows. */
export const TIMESTAMP_MIN_SECONDS = -62135596800n;
/** 9999-12-31T23:59:59Z, the latest. */
export const TIMESTAMP_MAX_SECONDS = 253402300799n;
/** ±10000 years of 365.25 days, the Duration range. */
export const DURATION_MAX_SECONDS = 315576000000n;
