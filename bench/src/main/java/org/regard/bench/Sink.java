package org.regard.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Where bulk rows go: PostgreSQL's COPY (text format, through pgjdbc's CopyManager) or, for H2, batches of
 * multi-row INSERT statements. Rows are written table by table; the caller commits.
 */
interface Sink {

    void table(String name, String... columns) throws SQLException;

    void row(Object... values) throws SQLException;

    void endTable() throws SQLException;

    static Sink of(Connection connection) throws SQLException {
        return connection.getMetaData().getURL().startsWith("jdbc:postgresql:") ? new Copy(connection) : new Inserts(connection);
    }

    /** COPY ... FROM STDIN, flushed to the server every few megabytes. */
    final class Copy implements Sink {
        private static final int FLUSH_AT = 4 << 20;
        private final Connection connection;
        private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
        private CopyIn copy;

        Copy(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void table(String name, String... columns) throws SQLException {
            copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + name + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT text)");
        }

        @Override
        public void row(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buffer.append('\t');
                }
                append(values[i]);
            }
            buffer.append('\n');
            if (buffer.length() >= FLUSH_AT) {
                flush();
            }
        }

        @Override
        public void endTable() throws SQLException {
            flush();
            copy.endCopy();
            copy = null;
        }

        private void flush() throws SQLException {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }

        private void append(Object value) {
            if (value == null) {
                buffer.append("\\N");
            } else if (value instanceof String s) {
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    switch (c) {
                        case '\\' -> buffer.append("\\\\");
                        case '\t' -> buffer.append("\\t");
                        case '\n' -> buffer.append("\\n");
                        case '\r' -> buffer.append("\\r");
                        default -> buffer.append(c);
                    }
                }
            } else if (value instanceof Boolean b) {
                buffer.append(b ? 't' : 'f');
            } else {
                buffer.append(value); // numbers; Instant prints as ISO-8601 with Z, which timestamptz accepts
            }
        }
    }

    /** Multi-row INSERT statements of {@value #ROWS} rows, sent in JDBC batches. */
    final class Inserts implements Sink {
        private static final int ROWS = 64;
        private static final int STATEMENTS_PER_BATCH = 16;
        private final Connection connection;
        private final List<Object[]> pending = new ArrayList<>(ROWS);
        private String table;
        private String[] columns;
        private PreparedStatement full;
        private int batched;

        Inserts(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void table(String name, String... columns) throws SQLException {
            this.table = name;
            this.columns = columns;
            this.full = connection.prepareStatement(sql(ROWS));
        }

        @Override
        public void row(Object... values) throws SQLException {
            pending.add(values);
            if (pending.size() == ROWS) {
                bind(full, pending);
                full.addBatch();
                pending.clear();
                if (++batched == STATEMENTS_PER_BATCH) {
                    full.executeBatch();
                    batched = 0;
                }
            }
        }

        @Override
        public void endTable() throws SQLException {
            if (batched > 0) {
                full.executeBatch();
                batched = 0;
            }
            full.close();
            if (!pending.isEmpty()) {
                try (PreparedStatement rest = connection.prepareStatement(sql(pending.size()))) {
                    bind(rest, pending);
                    rest.executeUpdate();
                }
                pending.clear();
            }
        }

        private String sql(int rows) {
            String one = "(" + "?, ".repeat(columns.length - 1) + "?)";
            StringBuilder b = new StringBuilder("insert into ").append(table).append(" (").append(String.join(", ", columns))
                    .append(") values ");
            for (int r = 0; r < rows; r++) {
                b.append(r == 0 ? "" : ", ").append(one);
            }
            return b.toString();
        }

        private static void bind(PreparedStatement statement, List<Object[]> rows) throws SQLException {
            int p = 1;
            for (Object[] row : rows) {
                for (Object value : row) {
                    statement.setObject(p++, value instanceof Instant at ? at.atOffset(ZoneOffset.UTC) : value);
                }
            }
        }
    }
}
