package io.atelier.store.internal;

import java.math.BigInteger;

/** Orders Flyway version strings ({@code 2}, {@code 2.1}, {@code 10}) numerically, part by part. */
public final class SchemaVersions {

    private SchemaVersions() {
    }

    public static int compare(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            BigInteger l = i < left.length ? new BigInteger(left[i]) : BigInteger.ZERO;
            BigInteger r = i < right.length ? new BigInteger(right[i]) : BigInteger.ZERO;
            int c = l.compareTo(r);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The whole-number part, for reports ({@code 2.1} → 2). */
    public static int major(String version) {
        int dot = version.indexOf('.');
        return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
    }
}
