package io.tunekit.examples.ml;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Loads data sets: the two bundled with the examples (see {@code data/README.md} beside them
 * for their origin and licence) and a user's own comma-separated file.
 *
 * <p>A CSV file here is plain: one row per line, fields separated by commas, no quoting. A
 * first line with a field that is not a number is taken as a header and skipped; blank lines
 * are skipped. Every column but the label column must be numeric.
 */
public final class Datasets {

    private static final String RESOURCES = "/io/tunekit/examples/data/";

    private Datasets() {}

    /**
     * Breast Cancer Wisconsin (Diagnostic): 569 rows, 30 features, classes
     * {@code [malignant, benign]} (label 1 = benign).
     */
    public static Dataset breastCancer() {
        List<String> lines = readLines(resource("breast_cancer.csv", false), "breast_cancer.csv");
        // The first line is "rows,features,<class name 0>,<class name 1>".
        String[] header = lines.get(0).split(",");
        Dataset raw = parse(lines.subList(1, lines.size()), -1, "breast_cancer.csv", 2);
        List<String> names = List.of(header).subList(2, header.length);
        return new Dataset(raw.features(), raw.labels(), names);
    }

    /** The 8x8 handwritten digits: 1797 rows, 64 features in 0..16, classes "0".."9". */
    public static Dataset digits() {
        return parse(readLines(resource("digits.csv.gz", true), "digits.csv.gz"), -1, "digits.csv.gz", 1);
    }

    /**
     * Reads a user's CSV file.
     *
     * @param labelColumn the 0-based column holding the class label; negative counts from the
     *     end ({@code -1} is the last column)
     * @throws IllegalArgumentException if the label column does not exist, a feature is not a
     *     number, rows have different lengths or the label has fewer than two distinct values
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Dataset readCsv(Path file, int labelColumn) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(readLines(in, file.toString()), labelColumn, file.toString(), 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Parses CSV lines. Class names are the label column's distinct values, sorted numerically
     * when they are all numbers, else alphabetically; class index i is the i-th of them.
     *
     * @param firstLineNumber the file line number of {@code lines.get(0)}, for messages
     */
    static Dataset parse(List<String> lines, int labelColumn, String source, int firstLineNumber) {
        List<double[]> rows = new ArrayList<>();
        List<String> rawLabels = new ArrayList<>();
        int width = -1;
        int label = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            int lineNumber = firstLineNumber + i;
            if (width < 0) {
                width = fields.length;
                if (width < 2) {
                    throw new IllegalArgumentException(source + " line " + lineNumber
                            + ": needs at least two columns (features and a label), found " + width);
                }
                label = labelColumn < 0 ? width + labelColumn : labelColumn;
                if (label < 0 || label >= width) {
                    throw new IllegalArgumentException("label column " + labelColumn + " does not exist in " + source
                            + ", which has " + width + " columns (use 0.." + (width - 1) + ", or -1 for the last)");
                }
                if (rows.isEmpty() && rawLabels.isEmpty() && isHeader(fields, label)) {
                    continue;
                }
            }
            if (fields.length != width) {
                throw new IllegalArgumentException(source + " line " + lineNumber + ": " + fields.length
                        + " columns, but the first line has " + width);
            }
            double[] row = new double[width - 1];
            for (int j = 0, k = 0; j < width; j++) {
                if (j == label) {
                    rawLabels.add(fields[j].strip());
                    continue;
                }
                try {
                    row[k++] = Double.parseDouble(fields[j].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(source + " line " + lineNumber + ", column " + j + ": '"
                            + fields[j] + "' is not a number (every column but the label must be numeric)");
                }
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + " has no data rows");
        }
        TreeMap<String, Integer> classIndex = classIndex(rawLabels);
        if (classIndex.size() < 2) {
            throw new IllegalArgumentException("the label column " + labelColumn + " of " + source
                    + " has only the value(s) " + classIndex.keySet() + "; a classifier needs two classes or more");
        }
        int[] labels = rawLabels.stream().mapToInt(classIndex::get).toArray();
        return new Dataset(rows.toArray(double[][]::new), labels, List.copyOf(classIndex.keySet()));
    }

    private static boolean isHeader(String[] fields, int label) {
        for (int j = 0; j < fields.length; j++) {
            if (j != label && !isNumber(fields[j])) {
                return true;
            }
        }
        return false;
    }

    /** Class index by label value; numeric labels compare by value, so "1" and "1.0" are one class. */
    private static TreeMap<String, Integer> classIndex(List<String> rawLabels) {
        boolean numeric = rawLabels.stream().allMatch(Datasets::isNumber);
        Comparator<String> order =
                numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder();
        TreeMap<String, Integer> index = new TreeMap<>(order);
        rawLabels.forEach(l -> index.put(l, 0));
        int next = 0;
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            e.setValue(next++);
        }
        return index;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static InputStream resource(String name, boolean gzip) {
        InputStream in = Datasets.class.getResourceAsStream(RESOURCES + name);
        if (in == null) {
            throw new IllegalStateException("the bundled data set " + name + " is missing from the class path");
        }
        try {
            return gzip ? new GZIPInputStream(in) : in;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled data set " + name, e);
        }
    }

    private static List<String> readLines(InputStream in, String source) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot read " + source, e.getCause());
        }
    }
}
