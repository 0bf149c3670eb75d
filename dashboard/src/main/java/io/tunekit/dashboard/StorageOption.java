package io.tunekit.dashboard;

import picocli.CommandLine.Option;

/** The {@code --storage URL} option the dashboard's commands share. */
final class StorageOption {

    @Option(
            names = "--storage",
            required = true,
            paramLabel = "URL",
            description = "storage URL: sqlite:PATH, jdbc:postgresql://HOST/DB?user=..., jdbc:mariadb://...")
    String url;
}
