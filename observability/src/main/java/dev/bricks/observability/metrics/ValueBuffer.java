package dev.bricks.observability.metrics;

import java.util.Arrays;

/** Values recorded since the last flush, in order. Thread-safe (synchronized); cleared by {@link #drain()}. */
final class ValueBuffer {

    private double[] values = new double[8];
    private int size;

    synchronized void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    /** The values recorded since the last drain (possibly empty), and forgets them. */
    synchronized double[] drain() {
        double[] result = Arrays.copyOf(values, size);
        size = 0;
        if (values.length > 1024) {
            values = new double[8];
        }
        return result;
    }
}
