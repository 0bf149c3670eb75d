package io.tunekit.examples.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

    @Test
    void bundledBreastCancer() {
        Dataset data = Datasets.breastCancer();
        assertThat(data.rows()).isEqualTo(569);
        assertThat(data.featureCount()).isEqualTo(30);
        assertThat(data.classNames()).containsExactly("malignant", "benign");
        assertThat(data.classCounts()).containsExactly(212, 357);
        assertThat(data.features()[0][0]).isEqualTo(17.99);
    }

    @Test
    void bundledDigits() {
        Dataset data = Datasets.digits();
        assertThat(data.rows()).isEqualTo(1797);
        assertThat(data.featureCount()).isEqualTo(64);
        assertThat(data.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    @Test
    void userCsvWithHeaderAndTextLabelsInTheMiddle(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.csv");
        Files.writeString(file, "height,kind,weight\n1.5,cat,4\n\n2.5,dog,30\n1.0,cat,3.5\n");
        Dataset data = Datasets.readCsv(file, 1);
        assertThat(data.classNames()).containsExactly("cat", "dog");
        assertThat(data.labels()).containsExactly(0, 1, 0);
        assertThat(data.features()).isEqualTo(new double[][] {{1.5, 4}, {2.5, 30}, {1.0, 3.5}});
    }

    @Test
    void numericLabelsSortByValueAndNegativeColumnsCountFromTheEnd(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("numbers.csv");
        Files.writeString(file, "1,10\n2,9\n3,10.0\n");
        Dataset data = Datasets.readCsv(file, -1);
        assertThat(data.classNames()).containsExactly("9", "10");
        assertThat(data.labels()).containsExactly(1, 0, 1);
    }

    @Test
    void explainsBadFiles(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("text.csv");
        Files.writeString(text, "a,b\n1,0\nx,1\n");
        assertThatThrownBy(() -> Datasets.readCsv(text, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3, column 0: 'x' is not a number");
        Path oneClass = dir.resolve("one.csv");
        Files.writeString(oneClass, "1,0\n2,0\n");
        assertThatThrownBy(() -> Datasets.readCsv(oneClass, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only the value(s) [0]");
        assertThatThrownBy(() -> Datasets.readCsv(oneClass, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label column 2 does not exist")
                .hasMessageContaining("2 columns");
        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "1,0\n2,1,3\n");
        assertThatThrownBy(() -> Datasets.readCsv(ragged, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2: 3 columns");
    }

    @Test
    void datasetCopiesItsInput() {
        double[][] rows = {{1}, {2}};
        Dataset data = new Dataset(rows, new int[] {0, 1}, List.of("a", "b"));
        rows[0][0] = 99;
        data.features()[1][0] = 99;
        assertThat(data.features()).isEqualTo(new double[][] {{1}, {2}});
    }
}
