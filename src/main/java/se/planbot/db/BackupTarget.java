package se.planbot.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import se.planbot.problem.InvalidInput;

/**
 * Where a backup may not go: over the live database or its {@code -wal}/{@code -shm} (spelled any
 * way: relative, with {@code ..}, through a symlink or a hard link), or over another database in
 * use. Replacing any of them under a running Planbot corrupts the data.
 */
final class BackupTarget {

    private static final List<String> COMPANIONS = List.of("", "-wal", "-shm", "-journal");

    private BackupTarget() {
    }

    static void refuseLiveFiles(Path database, Path target) {
        Path liveFolder = realFolder(database);
        String liveName = database.getFileName().toString();
        Path wanted = resolved(target);
        for (String suffix : COMPANIONS) {
            Path live = liveFolder.resolve(liveName + suffix);
            if (wanted.equals(live) || sameFile(target, live) || sameFile(wanted, live)) {
                throw refused(target, suffix.isEmpty()
                        ? "är den databas Planbot använder (db.path)"
                        : "hör till den databas Planbot använder (db.path" + suffix + ")");
            }
        }
        for (String suffix : List.of("-wal", "-shm")) {
            if (Files.exists(wanted.resolveSibling(wanted.getFileName() + suffix), LinkOption.NOFOLLOW_LINKS)) {
                throw refused(target, "är en databas som används (" + wanted.getFileName() + suffix + " finns bredvid)");
            }
        }
    }

    private static InvalidInput refused(Path target, String why) {
        return new InvalidInput("fil", "säkerhetskopian skrivs inte till " + target + ": filen " + why
                + "; ange en ny fil i en annan mapp, t.ex. backup/planbot-" + LocalDate.now() + ".db");
    }

    /** The target as the file system will see it: real parent folder (links and .. resolved), its own name. */
    private static Path resolved(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        try {
            if (Files.exists(absolute)) {
                return absolute.toRealPath();
            }
        } catch (IOException e) {
            // Fall through to the folder's real path.
        }
        return realFolder(absolute).resolve(absolute.getFileName().toString());
    }

    private static Path realFolder(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        Path missing = Path.of("");
        // The nearest existing ancestor's real path, with the part that does not exist yet put back.
        while (folder != null) {
            try {
                return folder.toRealPath().resolve(missing).normalize();
            } catch (IOException notThere) {
                missing = folder.getFileName().resolve(missing);
                folder = folder.getParent();
            }
        }
        return file.toAbsolutePath().getParent().normalize();
    }

    private static boolean sameFile(Path one, Path other) {
        try {
            return Files.exists(one) && Files.exists(other) && Files.isSameFile(one, other);
        } catch (IOException e) {
            return false;
        }
    }
}
