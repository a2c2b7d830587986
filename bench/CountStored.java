import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * How many webhook changes with a dedupe key like the pattern are stored: what
 * bench/webhook-load.sh compares with the bodies acknowledged before the crash.
 *
 * <p>java -cp bootstrap/target/tenant-config.jar bench/CountStored.java JDBC_URL USER PATTERN
 */
public class CountStored {

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], args[1], "");
                PreparedStatement count =
                        connection.prepareStatement("SELECT count(*) FROM webhook_changes WHERE dedupe_key LIKE ?")) {
            count.setString(1, args[2]);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                System.out.println(result.getLong(1));
            }
        }
    }
}
