import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;

/**
 * Runs SQL statements, one per argument after the connection's, and prints what a query returns
 * (tab-separated rows): the SQL the operations guide gives, run by .ci/documented-commands with the
 * JDBC driver the jar carries, so no psql of the right version is needed.
 *
 * <p>java -cp bootstrap/target/tenant-config.jar .ci/Sql.java JDBC_URL USER STATEMENT...
 */
public class Sql {

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], args[1], "");
                Statement statement = connection.createStatement()) {
            for (int i = 2; i < args.length; i++) {
                if (statement.execute(args[i])) {
                    try (ResultSet rows = statement.getResultSet()) {
                        ResultSetMetaData columns = rows.getMetaData();
                        while (rows.next()) {
                            StringBuilder line = new StringBuilder();
                            for (int c = 1; c <= columns.getColumnCount(); c++) {
                                line.append(c > 1 ? "\t" : "").append(rows.getString(c));
                            }
                            System.out.println(line);
                        }
                    }
                }
            }
        }
    }
}
