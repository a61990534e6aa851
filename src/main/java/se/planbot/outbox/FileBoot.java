package se.planbot.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One dispatcher's life, as a boot id that tags its outbox claims, and a lock file
 * ({@code planbot.db.boots/ID.lock}) that it holds while it lives. The operating system frees a
 * lock when its process ends, however it ends (kill -9 too), so another process can tell for
 * certain that a claimer is gone and take its rows back at once; a live claimer's lock cannot be
 * taken, so a {@code remind} beside {@code serve} never sends what the other is sending. SQLite
 * relies on the same file locks for its own safety. (SQLite: the processes share one machine.)
 */
final class FileBoot implements Boot {

    /** Boots of this JVM: never probed (closing a probe's channel would drop this JVM's own lock). */
    private static final Set<String> IN_THIS_JVM = ConcurrentHashMap.newKeySet();
    private static final String SUFFIX = ".lock";

    private final String id;
    private final Path folder;
    private final FileChannel channel;

    private FileBoot(String id, Path folder, FileChannel channel) {
        this.id = id;
        this.folder = folder;
        this.channel = channel;
    }

    /** A new boot beside {@code databaseFile}, its lock taken. */
    static FileBoot start(Path databaseFile) {
        Path folder = databaseFile.toAbsolutePath().resolveSibling(databaseFile.getFileName() + ".boots");
        String id = UUID.randomUUID().toString();
        try {
            Files.createDirectories(folder);
            var channel = FileChannel.open(folder.resolve(id + SUFFIX), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            channel.lock();
            IN_THIS_JVM.add(id);
            return new FileBoot(id, folder, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the outbox boot lock in " + folder, e);
        }
    }

    @Override
    public String id() {
        return id;
    }

    /**
     * Calls {@code takeBack} with the id of every boot whose process has ended, while holding its
     * lock, then removes its lock file. Boots that are alive, or whose lock another process is
     * probing at this moment, are left alone.
     */
    @Override
    public void takeBackEnded(Consumer<String> takeBack) {
        for (Path lockFile : lockFiles()) {
            String other = lockFile.getFileName().toString().replace(SUFFIX, "");
            if (IN_THIS_JVM.contains(other)) {
                continue;
            }
            try (var probe = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
                FileLock lock = probe.tryLock();
                if (lock == null) {
                    continue;
                }
                takeBack.accept(other);
                Files.deleteIfExists(lockFile);
            } catch (OverlappingFileLockException | IOException e) {
                // Gone meanwhile, or being probed by another thread: nothing to take back now.
            }
        }
    }

    private List<Path> lockFiles() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).toList();
        } catch (IOException e) {
            return new ArrayList<>();
        }
    }

    /** Ends this boot cleanly: its claims are all finished, its lock file goes. */
    @Override
    public void close() {
        IN_THIS_JVM.remove(id);
        try {
            channel.close();
            Files.deleteIfExists(folder.resolve(id + SUFFIX));
        } catch (IOException ignored) {
            // A lock file left behind is unlocked: the next start removes it.
        }
    }
}
