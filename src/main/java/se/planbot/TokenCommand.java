package se.planbot;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.planbot.auth.TokenInfo;
import se.planbot.auth.TokenRole;

/** {@code token create | list | revoke}: the API tokens. A token's secret is shown once, at creation. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Hanterar API-tokens.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "ange ett underkommando: token create, token list eller token revoke");
    }

    private static Main main(CommandLine.Model.CommandSpec spec) {
        return (Main) spec.root().userObject();
    }

    private static PrintWriter out(CommandLine.Model.CommandSpec spec) {
        return spec.commandLine().getOut();
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Skapar en API-token och skriver ut den en enda gång; bara dess hash sparas.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--name", required = true, description = "vem eller vad token är till, t.ex. Anna")
        String name;

        @Option(names = "--role", required = true, description = "admin eller coordinator")
        String role;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            TokenRole tokenRole = TokenRole.fromCode(role).orElseThrow(() -> new CommandLine.ParameterException(
                    spec.commandLine(), "--role '" + role + "' är okänd: använd admin eller coordinator"));
            try (Planbot planbot = main(spec).planbot()) {
                out(spec).println(planbot.tokens().create(name, tokenRole));
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Listar alla API-tokens (id, namn, roll, skapad, återkallad) — aldrig själva token.")
    static final class ListTokens implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Planbot planbot = main(spec).planbot()) {
                ZoneId zone = planbot.zone();
                var tokens = planbot.tokens().list();
                if (tokens.isEmpty()) {
                    out(spec).println("Inga API-tokens ännu. Skapa en med: token create --name NAMN --role coordinator");
                }
                for (TokenInfo token : tokens) {
                    out(spec).printf("%4d  %-24s %-12s skapad %s%s%n", token.id(), token.name(), token.role().code(),
                            WHEN.format(token.createdAt().atZone(zone)),
                            token.revokedAt() == null ? "" : ", återkallad " + WHEN.format(token.revokedAt().atZone(zone)));
                }
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Återkallar en API-token direkt (id från 'token list').")
    static final class Revoke implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "tokenens id enligt 'token list'")
        long id;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Planbot planbot = main(spec).planbot()) {
                TokenInfo token = planbot.tokens().revoke(id);
                out(spec).println("Token " + token.id() + " (" + token.name() + ") är återkallad.");
            }
            return 0;
        }
    }
}
