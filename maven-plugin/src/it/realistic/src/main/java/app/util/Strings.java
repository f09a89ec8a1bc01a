package app.util;

/** Plain helpers, no @Async. */
public final class Strings {
    private Strings() {}

    public static String join(String sep, Iterable<?> parts) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            if (sb.length() > 0) {
                sb.append(sep);
            }
            sb.append(p);
        }
        return sb.toString();
    }
}
