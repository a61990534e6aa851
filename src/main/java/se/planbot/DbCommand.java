package se.planbot;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.planbot.db.Database;
import se.planbot.db.DatabaseCopy;
import se.planbot.db.DatabaseSettings;
import se.planbot.db.Dialect;
import se.planbot.problem.InvalidInput;

/**
 * {@code db copy --to jdbc:postgresql://HOST/DB}: the configured database (usually the SQLite file)
 * into a new, empty PostgreSQL database, for the move to several instances. Stop Planbot first:
 * what is written during the copy is not copied.
 *
 * <pre>PLANBOT_DB_PASSWORD=… java -jar target/planbot.jar db copy --to jdbc:postgresql://db/planbot --username planbot</pre>
 */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Databasen: kopiera till PostgreSQL.",
        subcommands = {DbCommand.Copy.class})
final class DbCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "ange ett underkommando: db copy --to URL");
    }

    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = "Kopierar alla tabeller (historik, id:n, sekvenser) till en ny, tom PostgreSQL-databas "
                    + "och jämför antalet rader i varje tabell. Stoppa Planbot först. Lösenordet tas från "
                    + "miljövariabeln PLANBOT_DB_PASSWORD.")
    static final class Copy implements Callable<Integer> {
        @Option(names = "--to", required = true, paramLabel = "URL", description = "t.ex. jdbc:postgresql://localhost:5432/planbot")
        String to;

        @Option(names = "--username", paramLabel = "ANVÄNDARE", description = "PostgreSQL-användaren (standard: db.username)")
        String username;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Main main = (Main) spec.root().userObject();
            if (!to.startsWith("jdbc:postgresql:")) {
                throw new InvalidInput("to", "ange en PostgreSQL-url, t.ex. jdbc:postgresql://localhost:5432/planbot");
            }
            var config = main.config();
            var sourceSettings = Planbot.databaseSettings(config);
            var targetSettings = new DatabaseSettings(to, username != null ? username : config.string("db.username"),
                    config.string("db.password"));
            if (sourceSettings.dialect() == Dialect.POSTGRESQL && sourceSettings.url().equals(to)) {
                throw new InvalidInput("to", "källan och målet är samma databas");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (Database source = Database.open(sourceSettings); Database target = Database.open(targetSettings)) {
                out.println("Kopierar " + source.location() + " till " + target.location());
                var counts = new DatabaseCopy(source, target, out).copy();
                long rows = counts.values().stream().mapToLong(Long::longValue).sum();
                out.println("Klart: " + counts.size() + " tabeller, " + rows + " rader; antalet rader stämmer i varje tabell.");
            }
            return 0;
        }
    }
}
