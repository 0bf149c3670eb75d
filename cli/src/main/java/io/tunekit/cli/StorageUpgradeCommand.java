package io.tunekit.cli;

import io.tunekit.storage.Storage;
import picocli.CommandLine.Command;

/**
 * {@code tunekit storage upgrade}: what Tunekit can honestly do of Optuna's command. Tunekit
 * reads and writes Optuna's schema at the revisions Optuna 3.0 to 5.0 write, as they are, and
 * creates the current one in a new database; it does not migrate a database from one Alembic
 * revision to another.
 */
@Command(
        name = "upgrade",
        mixinStandardHelpOptions = true,
        description = {
            "Check that Tunekit can use the storage's schema, and say what an upgrade would take.",
            "",
            "Tunekit uses Optuna's schema as Optuna 3.0 to 5.0 write it (Alembic revisions v3.0.0.d and"
                    + " v3.2.0.a) without changing it, and creates revision v3.2.0.a in a new database. It does"
                    + " not migrate schemas: a database written by Optuna before 3.0 must be upgraded with"
                    + " Optuna's own 'optuna storage upgrade' first. The command exits with status 5 (storage)"
                    + " when the schema is one Tunekit cannot use."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  tunekit storage upgrade --storage postgresql://me:secret@db.example.com/tuning"})
final class StorageUpgradeCommand extends TunekitCommand {

    @Override
    protected int run() {
        StorageLocation location = location();
        try (Storage storage = location.open(StorageAccess.EXISTING)) {
            storage.studyNames(); // reads the schema: fails here if Tunekit cannot use it
        }
        String message = "The storage " + location.display()
                + " is at a schema revision Tunekit reads and writes as it is; nothing to upgrade.";
        println(message);
        return 0;
    }
}
