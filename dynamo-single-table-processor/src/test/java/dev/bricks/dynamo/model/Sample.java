package dev.bricks.dynamo.model;

import dev.bricks.dynamo.annotation.Entity;
import dev.bricks.dynamo.annotation.Index;
import dev.bricks.dynamo.annotation.PrimaryKey;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;

/** Every supported component type, to compare the generated codec with the enhanced client's table schema. */
@Entity(type = "SAMPLE")
@PrimaryKey(pk = "SAMPLE#{id}", sk = "AT#{day}#{count}")
@Index(name = "GSI1", pk = "KIND#{status}", sk = "{at}")
public record Sample(
        String id,
        LocalDate day,
        int count,
        long big,
        short small,
        byte tiny,
        double ratio,
        float fraction,
        boolean flag,
        Integer boxedCount,
        Long boxedBig,
        Double boxedRatio,
        Boolean boxedFlag,
        Character letter,
        BigDecimal amount,
        BigInteger huge,
        Instant at,
        LocalDateTime localAt,
        LocalTime time,
        OffsetDateTime offsetAt,
        ZonedDateTime zonedAt,
        Duration took,
        UUID uuid,
        SdkBytes bytes,
        byte[] raw,
        OrderStatus status,
        List<Address> addresses,
        Map<String, List<Integer>> nested,
        Set<Integer> numbers,
        Set<SdkBytes> blobs,
        Set<OrderStatus> statuses,
        List<OrderStatus> history,
        Address home) {}
