package io.tunekit.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a number as Python's {@code float()} does, so that shell scripts written for Optuna's
 * {@code tell --values} work: {@code 0.5}, {@code 1e-3}, {@code nan}, {@code inf}, {@code -Infinity}
 * (any case), surrounding blanks allowed; no Java suffixes ({@code 1d}) or hexadecimal.
 */
final class PythonFloat implements ITypeConverter<Double> {

    @Override
    public Double convert(String value) {
        String s = value.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        boolean negative = lower.startsWith("-");
        switch (unsigned) {
            case "nan":
                return Double.NaN;
            case "inf":
            case "infinity":
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            default:
                break;
        }
        if (!s.matches("[+-]?(\\d[\\d_]*(\\.[\\d_]*)?|\\.\\d[\\d_]*)([eE][+-]?\\d+)?") || s.contains("__")) {
            throw new TypeConversionException("'" + value + "' is not a number");
        }
        return Double.parseDouble(s.replace("_", ""));
    }
}
