package dev.bricks.benchmarks.coldstart;

import java.util.Arrays;
import java.util.List;

/** Median and p90 of a sample (nearest-rank p90; median averages the middle pair). */
record Stats(int n, double median, double p90) {

    static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            return new Stats(0, Double.NaN, Double.NaN);
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        double p90 = v[Math.max(0, (int) Math.ceil(0.9 * n) - 1)];
        return new Stats(n, median, p90);
    }
}
