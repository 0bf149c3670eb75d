package io.tunekit.cli;

import io.tunekit.Direction;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code minimize} / {@code maximize} (any case), as Optuna's CLI takes them. */
final class Directions implements ITypeConverter<Direction> {

    @Override
    public Direction convert(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "minimize" -> Direction.MINIMIZE;
            case "maximize" -> Direction.MAXIMIZE;
            default ->
                throw new TypeConversionException("'" + value + "' is not a direction; use minimize or maximize");
        };
    }

    /** The choices, for completion. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.List.of("minimize", "maximize").iterator();
        }
    }
}
