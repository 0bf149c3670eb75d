package io.tunekit.cli;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code -f/--format} and {@code --flatten}, as every listing command of Optuna's CLI has them.
 * The default format is Optuna's for the command: {@code value} for study-names, {@code json} for
 * ask, {@code table} for the others.
 */
final class FormatOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            converter = Converter.class,
            completionCandidates = Names.class,
            description = "Output format: table, json, yaml or value "
                    + "(default: table; value for study-names, json for ask).")
    OutputFormat format;

    @Option(
            names = "--flatten",
            description = "Flatten nested columns (params_x, user_attrs_k, values_0) instead of nesting them.")
    boolean flatten;

    /** The chosen format, or the command's default. */
    OutputFormat format() {
        if (format != null) {
            return format;
        }
        return switch (mixee.name()) {
            case "study-names" -> OutputFormat.VALUE;
            case "ask" -> OutputFormat.JSON;
            default -> OutputFormat.TABLE;
        };
    }

    /** Prints the records in the chosen format. */
    String render(Records records, boolean single) {
        return format().render(records, flatten, single);
    }

    /** The format names as users type them. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("table", "json", "yaml", "value").iterator();
        }
    }

    /** Reads a format name, in any case. */
    static final class Converter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            try {
                return OutputFormat.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("unknown format '" + value + "'; choose table, json, yaml or value");
            }
        }
    }
}
