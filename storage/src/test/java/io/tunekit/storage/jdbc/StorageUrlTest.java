package io.tunekit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The storage URL forms Storages.open accepts. */
class StorageUrlTest {

    @Test
    void sqliteForms() {
        assertThat(StorageUrl.parse("sqlite:tunekit.db"))
                .isEqualTo(new StorageUrl(Dialect.SQLITE, "jdbc:sqlite:tunekit.db", "sqlite:tunekit.db"));
        assertThat(StorageUrl.parse("sqlite:///rel/tunekit.db").jdbcUrl()).isEqualTo("jdbc:sqlite:rel/tunekit.db");
        assertThat(StorageUrl.parse("sqlite:////abs/tunekit.db").jdbcUrl()).isEqualTo("jdbc:sqlite:/abs/tunekit.db");
        assertThat(StorageUrl.parse("jdbc:sqlite:/abs/x.db").jdbcUrl()).isEqualTo("jdbc:sqlite:/abs/x.db");
    }

    @Test
    void serverForms() {
        StorageUrl pg = StorageUrl.parse("jdbc:postgresql://h:5432/db?user=u&password=secret");
        assertThat(pg.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(pg.display()).isEqualTo("jdbc:postgresql://h:5432/db").doesNotContain("secret");
        assertThat(StorageUrl.parse("jdbc:mariadb://h/db").dialect()).isEqualTo(Dialect.MYSQL);
        StorageUrl mysql = StorageUrl.parse("jdbc:mysql://h:3306/db?user=u");
        assertThat(mysql.dialect()).isEqualTo(Dialect.MYSQL);
        assertThat(mysql.jdbcUrl()).isEqualTo("jdbc:mariadb://h:3306/db?user=u");
    }

    @Test
    void otherFormsAreClearErrors() {
        assertThatThrownBy(() -> StorageUrl.parse("redis://localhost"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redis://localhost")
                .hasMessageContaining("sqlite:PATH");
        assertThatThrownBy(() -> StorageUrl.parse("sqlite::memory:"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("InMemoryStorage");
        assertThatThrownBy(() -> StorageUrl.parse("sqlite://host/x.db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host part");
        assertThatThrownBy(() -> StorageUrl.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
