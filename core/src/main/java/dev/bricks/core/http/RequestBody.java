package dev.bricks.core.http;

/**
 * The body of an API Gateway event as the parser found it.
 *
 * @param bytes the body, base64-decoded when it was encoded; empty when absent or undecodable
 * @param base64Encoded whether API Gateway delivered it base64-encoded
 * @param decodable false when it claimed base64 and was not (answered 400 {@code malformed-body-encoding})
 */
record RequestBody(byte[] bytes, boolean base64Encoded, boolean decodable) {}
