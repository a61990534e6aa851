package se.planbot.db;

/** How one kind of database hands out connections for a write (one transaction) or a read. */
interface Connections extends AutoCloseable {

    <T> T write(SqlWork<T> work);

    <T> T read(SqlWork<T> work);

    @Override
    void close();
}
