package io.atelier.engine.sdscripts.output;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sd-scripts' main tqdm bar, {@code steps:  25%|██▌  | 500/2000 [08:21<25:03,  1.00s/it, avr_loss=0.0923]}
 * (reference/sd-scripts.md §8.2): step, total, rate in steps per second, and the running average loss.
 */
record ProgressLine(long step, long total, double stepsPerSecond, OptionalDouble averageLoss) {

    private static final Pattern BAR = Pattern.compile(
            "^steps:\\s*\\d+%\\|.*?\\|\\s*(\\d+)/(\\d+)\\s*\\[([^<\\]]+)<([^,\\]]+),\\s*([^\\],]+?)(?:,\\s*(.*))?\\]\\s*$");
    private static final Pattern AVR_LOSS = Pattern.compile("avr_loss=([-+0-9.eE]+|nan|inf)");
    private static final Pattern RATE = Pattern.compile("([0-9.]+)\\s*(it/s|s/it)");

    /** The bar's fields, or null when {@code line} is not the main progress bar. */
    static ProgressLine parse(String line) {
        Matcher m = BAR.matcher(line.strip());
        if (!m.matches()) {
            return null;
        }
        double rate = 0;
        Matcher r = RATE.matcher(m.group(5));
        if (r.find()) {
            double v = Double.parseDouble(r.group(1));
            rate = r.group(2).equals("it/s") ? v : v == 0 ? 0 : 1 / v;
        }
        OptionalDouble loss = OptionalDouble.empty();
        if (m.group(6) != null) {
            Matcher a = AVR_LOSS.matcher(m.group(6));
            if (a.find()) {
                String v = a.group(1).toLowerCase(Locale.ROOT);
                loss = OptionalDouble.of(v.equals("nan") ? Double.NaN : v.equals("inf") ? Double.POSITIVE_INFINITY
                        : Double.parseDouble(v));
            }
        }
        return new ProgressLine(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), rate, loss);
    }
}
