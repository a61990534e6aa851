package se.planbot.db;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files that hold personal data (the database, its backups) are created readable by their owner only (0600). */
final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /** Creates an empty owner-only file unless one exists (SQLite then opens it and keeps its mode). */
    static void createIfMissing(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.createFile(file, attributes(file.toAbsolutePath().getParent()));
        } catch (FileAlreadyExistsException raced) {
            // Someone else created it meanwhile: theirs stands.
        }
    }

    /** A new, empty, owner-only file in {@code folder} with a unique name. */
    static Path createTemp(Path folder, String prefix, String suffix) throws IOException {
        return Files.createTempFile(folder, prefix, suffix, attributes(folder));
    }

    private static FileAttribute<?>[] attributes(Path folder) {
        boolean posix = folder != null && folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
    }
}
