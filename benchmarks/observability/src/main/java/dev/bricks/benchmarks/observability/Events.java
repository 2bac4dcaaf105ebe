package dev.bricks.benchmarks.observability;

import java.nio.charset.StandardCharsets;

/** The API Gateway HTTP API 2.0 event every benchmark invokes with. */
final class Events {

    static final byte[] PLACE_ORDER = ("{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"/orders\","
                    + "\"rawQueryString\":\"\",\"headers\":{\"content-type\":\"application/json\","
                    + "\"x-correlation-id\":\"corr-bench\"},\"requestContext\":{\"accountId\":\"123456789012\","
                    + "\"apiId\":\"api1\",\"http\":{\"method\":\"POST\",\"path\":\"/orders\",\"protocol\":\"HTTP/1.1\","
                    + "\"sourceIp\":\"192.0.2.1\",\"userAgent\":\"bench\"},\"requestId\":\"gw-1\",\"routeKey\":\"$default\","
                    + "\"stage\":\"$default\"},\"body\":\"{\\\"userId\\\":\\\"u1\\\"}\",\"isBase64Encoded\":false}")
            .getBytes(StandardCharsets.UTF_8);

    private Events() {}
}
