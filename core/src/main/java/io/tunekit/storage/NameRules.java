package io.tunekit.storage;

import io.tunekit.FrozenTrial;

/**
 * The rule every storage applies to the names it stores: study names, parameter names and
 * attribute keys. A name has 1 to 512 characters (Optuna's {@code VARCHAR(512)}) and is valid
 * Unicode text without NUL: PostgreSQL refuses U+0000, and an unpaired surrogate has no UTF-8
 * form (drivers silently write {@code ?} instead), so either would be lost or changed on the way
 * to the database. Checking here, before any database sees the name, makes every backend refuse
 * the same names with the same message.
 */
public final class NameRules {

    /** The longest name, in UTF-16 characters (Optuna's column width). */
    public static final int MAX_LENGTH = 512;

    private NameRules() {}

    /**
     * Returns {@code name} if it follows the rule.
     *
     * @param what what the name names, for the message ("study name", "parameter name", ...)
     * @throws IllegalArgumentException naming {@code what}, the value and the position of the
     *     offending character
     */
    public static String require(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(what + " must be non-empty, got " + (name == null ? "null" : "''"));
        }
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " of " + name.length() + " characters is longer than "
                    + MAX_LENGTH + ": '" + escaped(name.substring(0, 40)) + "...'");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\u0000') {
                throw new IllegalArgumentException(what + " '" + escaped(name)
                        + "' has a NUL character (U+0000) at index " + i + "; names must not contain NUL");
            }
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(what + " '" + escaped(name) + "' has an unpaired surrogate U+"
                        + String.format("%04X", (int) c) + " at index " + i
                        + "; names must be valid Unicode text (it has no UTF-8 form)");
            }
        }
        return name;
    }

    /**
     * Checks every name a trial template carries (parameter names, user and system attribute
     * keys), as {@link Storage#createTrial} does before it writes anything.
     *
     * @throws IllegalArgumentException for the first name that breaks the rule
     */
    public static void requireNames(FrozenTrial template) {
        template.params().keySet().forEach(n -> require("parameter name", n));
        template.userAttrs().keySet().forEach(k -> require("user attribute key", k));
        template.systemAttrs().keySet().forEach(k -> require("system attribute key", k));
    }

    /** The name with NUL and surrogates written as Java escapes, so the message itself is printable. */
    private static String escaped(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\u0000' || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
