package dev.rowguard.bench;

import java.util.Arrays;

/** Timings of one case, in nanoseconds. */
final class Samples {

    private long[] values = new long[256];

    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    double medianMs() {
        return percentileMs(50);
    }

    double p95Ms() {
        return percentileMs(95);
    }

    /** Nearest-rank percentile. */
    double percentileMs(double percent) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1_000_000.0;
    }

}
