package se.planbot;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.planbot.config.Config;
import se.planbot.config.ConfigException;
import se.planbot.plan.ImportFailed;
import se.planbot.problem.InvalidInput;

/**
 * Planbot's command line. {@code serve} is the default; every command takes {@code --config}.
 * A user's mistake (unknown command, bad option, bad configuration) is one clear line and exit 2.
 */
@Command(name = "planbot", mixinStandardHelpOptions = true, version = "Planbot 0.1", resourceBundle = "planbot-cli",
        description = "Håller det näringslivsstrategiska programmets åtgärdsplan, påminner och svarar i Slack.",
        subcommands = {
            Main.Serve.class, Main.Remind.class, Main.Import.class, Main.Export.class, Main.Backup.class, TokenCommand.class, PersonCommand.class,
            IndicatorsCommand.class,
            Main.Ask.class
        })
public final class Main implements Callable<Integer> {

    static final int USAGE = 2;
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    @Option(names = "--config", paramLabel = "FIL", description = "konfigurationsfil (standard: ${DEFAULT-VALUE})",
            defaultValue = "config/planbot.properties", scope = CommandLine.ScopeType.INHERIT)
    Path configFile;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        var commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            String command = exception.getCommandLine().getCommandSpec().qualifiedName();
            err.println(command + ": " + swedish(exception) + " (se '" + command + " --help')");
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, parsed, result) -> {
            if (exception instanceof ConfigException || exception instanceof InvalidInput
                    || exception instanceof se.planbot.problem.NotFound) {
                err.println("planbot: " + exception.getMessage());
                return USAGE;
            }
            if (exception instanceof io.javalin.util.JavalinBindException) {
                var port = java.util.regex.Pattern.compile("port (\\d+)").matcher(String.valueOf(exception.getMessage()));
                err.println("planbot: porten " + (port.find() ? port.group(1) + " " : "") + "används redan av ett annat "
                        + "program; stoppa det eller välj en annan port med http.port (PLANBOT_HTTP_PORT)");
                return 1;
            }
            if (exception instanceof java.io.IOException io) {
                err.println("planbot: " + fileProblem(io));
                return 1;
            }
            if (exception instanceof se.planbot.db.DatabaseException && exception.getCause() instanceof java.io.IOException io) {
                err.println("planbot: " + fileProblem(io));
                return 1;
            }
            if (exception instanceof ImportFailed failed) {
                err.println("planbot: importen avbröts, inget ändrades:");
                failed.problems().forEach(problem -> err.println("  " + problem));
                return 1;
            }
            throw exception;
        });
        return commandLine.execute(args);
    }

    /** A file the command could not read or write, said in one line (the stack trace helps no user). */
    private static String fileProblem(java.io.IOException io) {
        if (io instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) {
            String reason = fs instanceof java.nio.file.FileAlreadyExistsException ? "finns redan och är ingen mapp"
                    : fs instanceof java.nio.file.NoSuchFileException ? "finns inte"
                    : fs instanceof java.nio.file.AccessDeniedException ? "saknar behörighet"
                    : String.valueOf(fs.getReason());
            return "kunde inte läsa eller skriva " + fs.getFile() + ": " + reason;
        }
        return "kunde inte läsa eller skriva filen: " + io.getMessage();
    }

    /** Picocli's usage errors in the users' language; anything unforeseen keeps picocli's text. */
    private static String swedish(CommandLine.ParameterException exception) {
        if (exception instanceof CommandLine.UnmatchedArgumentException unmatched) {
            return "okänt kommando eller argument: " + String.join(" ", unmatched.getUnmatched().stream()
                    .map(argument -> "'" + argument + "'").toList());
        }
        if (exception instanceof CommandLine.MissingParameterException missing) {
            return "saknas: " + String.join(", ", missing.getMissing().stream()
                    .map(argument -> argument.isOption() ? ((CommandLine.Model.OptionSpec) argument).longestName()
                            : argument.paramLabel())
                    .toList());
        }
        return exception.getMessage();
    }

    /** With no command, Planbot serves. */
    @Override
    public Integer call() throws Exception {
        return new Serve().serve(this, false);
    }

    Planbot planbot() {
        return new Planbot(config(), Clock.systemUTC());
    }

    Config config() {
        boolean explicit = !configFile.equals(Path.of("config/planbot.properties"));
        return Config.load(configFile, explicit, System.getenv());
    }

    @Command(name = "remind", mixinStandardHelpOptions = true,
            description = "Kör alla påminnelseregler en gång per angiven tid (standard: nu), skickar utkorgen och "
                    + "skriver ut vad som skickades. Avslutas med felkod 1 om något misslyckades.")
    static final class Remind implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @Option(names = "--at", paramLabel = "TID",
                description = "tidpunkt i programmets tidszon, t.ex. 2026-12-01T08:00 (standard: nu)")
        String at;

        @Option(names = "--dry-run", description = "visa vad som skulle köas och skickas, utan att ändra något")
        boolean dryRun;

        @Override
        public Integer call() {
            Config config = main.config();
            Clock clock = Clock.systemUTC();
            if (at != null) {
                try {
                    var time = java.time.LocalDateTime.parse(at.trim());
                    clock = Clock.fixed(time.atZone(config.zone("timezone")).toInstant(), java.time.ZoneOffset.UTC);
                } catch (java.time.format.DateTimeParseException e) {
                    throw new InvalidInput("--at", "'" + at + "' är ingen tidpunkt; skriv t.ex. 2026-12-01T08:00");
                }
            }
            try (Planbot planbot = new Planbot(config, clock)) {
                var report = planbot.remind(dryRun);
                RemindOutput.print(report, main.out());
                return report.failed() ? 1 : 0;
            }
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Startar webbservern, schemaläggaren och Slack (HTTP eller Socket Mode).")
    static final class Serve implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @Option(names = "--demo", description = "fyll en tom databas med exempeldata först")
        boolean demo;

        @Override
        public Integer call() throws Exception {
            return serve(main, demo);
        }

        int serve(Main main, boolean demo) throws InterruptedException {
            Planbot planbot = main.planbot();
            if (demo) {
                planbot.loadDemo();
            }
            try {
                planbot.start();
            } catch (RuntimeException e) {
                planbot.close();
                throw e;
            }
            var stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                log.info("Planbot stopping (signal received)");
                planbot.close();
                log.info("Planbot stopped");
                stopped.countDown();
                // The JVM reports a SIGTERM as exit 143; a stop asked for and done cleanly is 0 to systemd.
                Runtime.getRuntime().halt(0);
            }, "planbot-shutdown"));
            stopped.await();
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Läser in åtgärdsplanen från en .csv- eller .xlsx-fil. Allt eller inget: "
                    + "en felaktig rad stoppar importen och databasen är oförändrad. Koder som redan finns uppdateras.")
    static final class Import implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @Parameters(paramLabel = "FIL", description = "åtgärdsplan som .csv (UTF-8, ; eller ,) eller .xlsx")
        Path file;

        @Override
        public Integer call() throws Exception {
            if (java.nio.file.Files.isDirectory(file)) {
                throw new InvalidInput("fil", file + " är en mapp; ange filen med åtgärdsplanen (.csv eller .xlsx)");
            }
            if (!java.nio.file.Files.isReadable(file)) {
                throw new InvalidInput("fil", "filen " + file + " finns inte eller kan inte läsas");
            }
            try (Planbot planbot = main.planbot()) {
                var result = planbot.transfer().importFile(file, "import:" + file.getFileName());
                main.out().println("Importerade " + file + ": " + result.summary());
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Skriver hela åtgärdsplanen till en .csv- eller .xlsx-fil.")
    static final class Export implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @Parameters(paramLabel = "FIL", description = "målfil, .csv eller .xlsx")
        Path file;

        @Override
        public Integer call() throws Exception {
            try (Planbot planbot = main.planbot()) {
                int count = planbot.transfer().exportFile(file);
                main.out().println("Exporterade " + count + (count == 1 ? " åtgärd" : " åtgärder") + " till " + file);
            }
            return 0;
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Skriver en konsistent kopia av databasen, även medan Planbot körs.")
    static final class Backup implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @Parameters(paramLabel = "FIL", description = "målfil för kopian")
        Path file;

        @Override
        public Integer call() {
            if (java.nio.file.Files.isDirectory(file)) {
                throw new InvalidInput("fil", file + " är en mapp; ange en fil, t.ex. " + file.resolve("planbot.db"));
            }
            try (Planbot planbot = main.planbot()) {
                planbot.database().backup(file);
                main.out().println("Säkerhetskopia skriven till " + file);
            }
            return 0;
        }
    }

    @Command(name = "ask", mixinStandardHelpOptions = true,
            description = "Svarar som Slack-kommandot skulle, som vanlig text, t.ex. ask \"försenade\" eller "
                    + "ask \"mina\" --as U012AB3CD. Bra för att prova Planbot utan Slack.")
    static final class Ask implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @Parameters(paramLabel = "TEXT", arity = "0..*", description = "frågan, t.ex. 12, 2.3, turism, mina, försenade")
        java.util.List<String> words = new java.util.ArrayList<>();

        @Option(names = "--as", paramLabel = "SLACK-ID", description = "fråga som denna Slack-användare (för 'mina')")
        String as;

        @Override
        public Integer call() {
            if (as != null && !as.matches("[UW][A-Z0-9]{2,20}")) {
                throw new InvalidInput("--as", "'" + as + "' är inget Slack-användar-id (t.ex. U012AB3CD)");
            }
            try (Planbot planbot = main.planbot()) {
                main.out().print(planbot.ask(String.join(" ", words), java.util.Optional.ofNullable(as)));
                main.out().flush();
            }
            return 0;
        }
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
}
