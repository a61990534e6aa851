package se.planbot.outbox;

import java.util.function.Consumer;
import se.planbot.db.Database;
import se.planbot.db.Dialect;

/**
 * One dispatcher's life: an id that tags its outbox claims, and a lock held while it lives that
 * the operating system or the database server frees when the process ends, however it ends
 * (kill -9 too). Another process that can take the lock knows for certain the claimer is gone
 * and takes its rows back at once; a live claimer's rows are never taken.
 */
interface Boot extends AutoCloseable {

    /** SQLite: a lock file beside the database. PostgreSQL: an advisory lock of the server. */
    static Boot start(Database database) {
        return database.dialect() == Dialect.SQLITE
                ? FileBoot.start(database.file())
                : AdvisoryLockBoot.start(database);
    }

    String id();

    /** Calls {@code takeBack} with the id of every boot whose process has ended. */
    void takeBackEnded(Consumer<String> takeBack);

    /** Ends this boot cleanly: its claims are all finished, its lock goes. */
    @Override
    void close();
}
