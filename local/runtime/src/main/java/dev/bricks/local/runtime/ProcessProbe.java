package dev.bricks.local.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Cheap readings of a running JVM from outside, without attaching to it: peak RSS from {@code /proc} and
 * HotSpot's performance counters from its {@code hsperfdata} file. Stateless; thread-safe.
 */
final class ProcessProbe {

    static final String LOADED = "java.cls.loadedClasses";
    static final String SHARED_LOADED = "java.cls.sharedLoadedClasses";

    private static final int MAGIC = 0xcafec0c0;

    private ProcessProbe() {}

    /** {@code VmHWM} of {@code /proc/<pid>/status} in KiB; empty if the process or {@code /proc} is gone. */
    static OptionalLong peakRssKb(long pid) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
            for (String line : lines) {
                if (line.startsWith("VmHWM:")) {
                    return OptionalLong.of(
                            Long.parseLong(line.substring(6).trim().split("\\s+")[0]));
                }
            }
            return OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Long counters from HotSpot's shared performance memory ({@code <tmp>/hsperfdata_<user>/<pid>}).
     *
     * @return the counters found among {@code names}; empty when the file is absent (e.g. {@code -XX:-UsePerfData})
     */
    static Map<String, Long> perfCounters(long pid, Set<String> names) {
        Path file = Path.of(
                System.getProperty("java.io.tmpdir"),
                "hsperfdata_" + System.getProperty("user.name"),
                Long.toString(pid));
        Map<String, Long> found = new HashMap<>();
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
            if (b.remaining() < 32 || b.getInt(0) != MAGIC) {
                return found;
            }
            b.order(b.get(4) == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            int offset = b.getInt(24);
            int entries = b.getInt(28);
            for (int i = 0; i < entries && offset + 20 <= b.limit(); i++) {
                int length = b.getInt(offset);
                int nameOffset = b.getInt(offset + 4);
                int vectorLength = b.getInt(offset + 8);
                byte type = b.get(offset + 12);
                int dataOffset = b.getInt(offset + 16);
                if (length <= 0) {
                    break;
                }
                if (type == 'J' && vectorLength == 0) {
                    String name = cString(b, offset + nameOffset);
                    if (names.contains(name)) {
                        found.put(name, b.getLong(offset + dataOffset));
                    }
                }
                offset += length;
            }
        } catch (IOException | RuntimeException e) {
            // a reading, not a contract: missing or changing file means "unknown"
        }
        return found;
    }

    private static String cString(ByteBuffer b, int start) {
        int end = start;
        while (end < b.limit() && b.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - start];
        b.get(start, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
