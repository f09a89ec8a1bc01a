package dev.lasti.samples;

import static dev.lasti.Await.await;

import dev.lasti.Async;
import dev.lasti.EventLoop;
import dev.lasti.Future;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * S15 (seed 004): a loop whose condition awaits, like Motor's {@code while (yield cursor.fetch_next)}, over
 * a real database cursor: a JDBC {@link ResultSet} read in batches on {@link EventLoop#blocking}, the way a
 * service uses a blocking driver from an event loop. Only the first document of each batch makes the loop
 * wait. Seed 004:
 *
 * <pre>
 * &#64;gen.coroutine
 * def loop_example(collection):
 *     cursor = db.collection.find()
 *     while (yield cursor.fetch_next):
 *         doc = cursor.next_object()
 * </pre>
 *
 * <p>The database is an embedded in-memory H2 by default. For a server database, pass its JDBC URL as
 * {@code -Dlasti.s15.jdbcUrl=jdbc:postgresql://host/db} (with {@code -Dlasti.s15.user}, {@code
 * -Dlasti.s15.password}) and put its driver on the class path; the sample creates, fills and drops a table
 * {@code lasti_s15_docs} there.
 */
public final class Looping {
    /** The system property that points S15 at a server database instead of the embedded one. */
    public static final String URL_PROPERTY = "lasti.s15.jdbcUrl";
    static final String TABLE = "lasti_s15_docs";

    private Looping() {}

    /** The JDBC URL to use: the property's, else a private in-memory H2 database. */
    static String jdbcUrl() {
        return System.getProperty(URL_PROPERTY, "jdbc:h2:mem:lasti-s15");
    }

    /**
     * A cursor over {@code SELECT name FROM lasti_s15_docs ORDER BY id} that fetches {@code batch} rows per
     * round trip, each on a worker thread: the loop thread never waits for the database.
     */
    static final class Cursor implements AutoCloseable {
        private final ResultSet rows;
        private final PreparedStatement query;
        private final int batch;
        private Iterator<String> current = List.<String>of().iterator();
        private boolean exhausted;
        int roundTrips;

        /** Opens the query. Blocking: call it on a worker thread. */
        Cursor(Connection db, int batch) throws SQLException {
            this.batch = batch;
            this.query = db.prepareStatement("SELECT name FROM " + TABLE + " ORDER BY id");
            query.setFetchSize(batch);
            this.rows = query.executeQuery();
        }

        /** True if another document is available; a round trip only when the batch is used up. */
        @Async
        Future<Boolean> fetchNext() {
            if (current.hasNext()) {
                return Future.completed(true);
            }
            if (exhausted) {
                return Future.completed(false);
            }
            roundTrips++;
            List<String> next = await(EventLoop.blocking(this::readBatch));
            exhausted = next.size() < batch;
            current = next.iterator();
            return Future.completed(current.hasNext());
        }

        /** On a worker thread: up to {@code batch} rows from the open result set. */
        private List<String> readBatch() throws SQLException {
            List<String> docs = new ArrayList<>(batch);
            while (docs.size() < batch && rows.next()) {
                docs.add(rows.getString(1));
            }
            return docs;
        }

        String nextObject() {
            return current.next();
        }

        @Override
        public void close() throws SQLException {
            try (query) {
                rows.close();
            }
        }
    }

    /** {@code while (await(cursor.fetchNext())) { doc = cursor.nextObject(); ... }} */
    @Async
    static Future<List<String>> readAll(Cursor cursor) {
        List<String> docs = new ArrayList<>();
        while (await(cursor.fetchNext())) {
            docs.add(cursor.nextObject());
        }
        return Future.completed(docs);
    }

    /** What one run found. */
    record Result(List<String> docs, int roundTrips) {}

    /**
     * Opens the database, fills the table with {@code total} documents, reads them all back in batches of
     * {@code batch} through {@link #readAll}, then drops the table and closes the connection.
     */
    @Async
    static Future<Result> readTable(String url, int total, int batch) {
        Connection db = await(EventLoop.blocking(() -> connect(url)));
        try {
            await(EventLoop.blocking(() -> fill(db, total)));
            Cursor cursor = await(EventLoop.blocking(() -> new Cursor(db, batch)));
            List<String> docs = await(readAll(cursor));
            await(EventLoop.blocking(() -> {
                cursor.close();
                return null;
            }));
            return Future.completed(new Result(docs, cursor.roundTrips));
        } finally {
            await(EventLoop.blocking(() -> drop(db)));
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, System.getProperty("lasti.s15.user", ""),
                System.getProperty("lasti.s15.password", ""));
    }

    private static Void fill(Connection db, int total) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE " + TABLE + " (id INT PRIMARY KEY, name VARCHAR(40))");
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?)")) {
            for (int i = 0; i < total; i++) {
                insert.setInt(1, i);
                insert.setString(2, "doc-" + i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return null;
    }

    private static Void drop(Connection db) throws SQLException {
        try (db; Statement s = db.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
        }
        return null;
    }

    /** Reads 25 documents in batches of 10. */
    public static String run() {
        Result r = EventLoop.run(() -> readTable(jdbcUrl(), 25, 10));
        List<String> docs = r.docs();
        return "while (await(cursor.fetchNext())) read " + docs.size() + " rows of " + jdbcUrl() + " in "
                + r.roundTrips() + " round trips, first " + docs.get(0) + ", last " + docs.get(docs.size() - 1);
    }
}
