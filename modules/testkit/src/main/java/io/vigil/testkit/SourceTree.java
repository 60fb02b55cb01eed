package io.vigil.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files of the project (seeds, fixtures) from a test's working directory, a module. */
public final class SourceTree {

    private SourceTree() {}

    /**
     * The first {@code relative} found in the working directory or one of its parents.
     *
     * @throws AssertionError when there is none
     */
    public static Path find(Path relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new AssertionError(relative + " not found above the working directory");
    }
}
