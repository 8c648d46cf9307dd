package io.atelier.gallery.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The comma-separated numbers of the Generate dialog's fields ("0.6, 0.8, 1"); blank = none, meaning "default". */
public final class NumberList {

    private NumberList() {
    }

    /** @throws IllegalArgumentException naming the field and the item that is not a seed */
    public static List<Long> seeds(String field, String text) {
        List<Long> values = new ArrayList<>();
        for (String item : items(text)) {
            try {
                long v = Long.parseLong(item);
                if (v < 0 || v > Integer.MAX_VALUE) {
                    throw new NumberFormatException();
                }
                values.add(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + ": \"" + item + "\" is not a seed (0 to "
                        + Integer.MAX_VALUE + ")");
            }
        }
        return List.copyOf(values);
    }

    /** @throws IllegalArgumentException naming the field and the item outside (min, max] */
    public static List<Double> decimals(String field, String text, double min, double max) {
        List<Double> values = new ArrayList<>();
        for (String item : items(text)) {
            double v;
            try {
                v = Double.parseDouble(item);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + ": \"" + item + "\" is not a number");
            }
            if (!(v > min) || v > max) {
                throw new IllegalArgumentException(field + ": " + item + " is outside " + format(min) + "–"
                        + format(max));
            }
            if (!values.contains(v)) {
                values.add(v);
            }
        }
        return List.copyOf(values);
    }

    private static List<String> items(String text) {
        List<String> items = new ArrayList<>();
        for (String s : (text == null ? "" : text).split("[,;\\s]+")) {
            if (!s.isBlank()) {
                items.add(s.strip());
            }
        }
        return items;
    }

    private static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%s", d);
    }
}
